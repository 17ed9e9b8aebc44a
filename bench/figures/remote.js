/**
 * Through ssh: the same figures as on this machine — keystroke echo (idle), time to first frame, and the
 * 30 MB log's throughput — with each tool's sessions on "another machine" behind a real sshd on loopback
 * (lib/remote-tools.js): grove's UI here over its own link, against `ssh -t box tmux attach`.
 */
import { alternate, skippedIn } from '../lib/scenario.js';
import { remoteTools } from '../lib/remote-tools.js';
import { startSshd } from '../lib/sshd.js';
import { median, percentile } from '../lib/stats.js';
import { oneReadyShell, attachOnce } from './attach.js';
import { echoOnce } from './echo.js';
import { catOnce } from './throughput.js';

export async function remote(ctx) {
  const sshd = await startSshd(ctx.workspace.folder('sshd-'));
  ctx.workspace.defer(() => sshd.stop());
  const tools = remoteTools(sshd);
  const { echoKeys, echoRounds, firstFrameRuns, throughputRuns } = ctx.params;

  const echoes = await alternate(tools, echoRounds, async (Tool, round) => {
    const result = await echoOnce(new Tool(ctx.workspace), ctx, 0, Math.ceil(echoKeys / echoRounds));
    ctx.progress(`ssh echo ${Tool.toolName} round ${round + 1}/${echoRounds}: p99 ${percentile(result.times, 99).toFixed(1)} ms`);
    return result.times;
  });
  const frames = await alternate(tools, firstFrameRuns, async (Tool, round) => {
    const tool = new Tool(ctx.workspace);
    try {
      await tool.start();
      await oneReadyShell(tool);
      const ms = await attachOnce(tool);
      ctx.progress(`ssh first frame ${Tool.toolName} run ${round + 1}/${firstFrameRuns}: ${ms.toFixed(0)} ms`);
      return ms;
    } finally {
      await tool.stopEarly?.();
    }
  });
  const cats = await alternate(tools, throughputRuns, async (Tool, round) => {
    const seconds = await catOnce(new Tool(ctx.workspace), ctx);
    ctx.progress(`ssh throughput ${Tool.toolName} run ${round + 1}/${throughputRuns}: ${seconds.toFixed(2)} s`);
    return seconds;
  });
  const skipped = skippedIn(ctx.tools, 'remote');
  const all = (name) => Object.fromEntries(Object.entries(echoes).map(([tool, runs]) => [tool, runs.flat()]))[name];
  return {
    ssh_echo_idle_p50: { unit: 'ms', grove: percentile(all('grove'), 50), tmux: percentile(all('tmux'), 50), keys: all('grove').length, skipped },
    ssh_echo_idle_p99: { unit: 'ms', grove: percentile(all('grove'), 99), tmux: percentile(all('tmux'), 99), keys: all('grove').length, skipped },
    ssh_first_frame: { unit: 'ms', grove: median(frames.grove), tmux: median(frames.tmux), samples: frames, skipped },
    ssh_throughput: { unit: 's', grove: median(cats.grove), tmux: median(cats.tmux), samples: cats, skipped },
  };
}
