/**
 * `node bench/profile.js SCENARIO`: runs one benchmark scenario against grove only, with `node --cpu-prof`
 * on grove's server and on every client it starts, and prints where each spent its time.
 *
 * Scenarios (sizes from the full workload, or --quick):
 *   echo         keystrokes into an idle shell          flood   keystrokes while another pane floods
 *   flood4       keystrokes while four other panes flood
 *   throughput   cat of the coloured log                first-frame   attaching to one session (×5)
 *   attach       attaching to N sessions with scrollback (×3)          idle    N idle sessions, watched
 * `--keep DIR` keeps the .cpuprofile files (open them in Chrome DevTools or speedscope).
 */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catOnce } from './figures/throughput.js';
import { echoOnce } from './figures/echo.js';
import { attachOnce, oneReadyShell, sessionsWithScrollback } from './figures/attach.js';
import { parseOptions, runMain, UsageError } from './lib/cli.js';
import { writeColouredLog } from './lib/coloured-log.js';
import { formatSummary, summarise } from './lib/cpu-profile.js';
import { GroveTool } from './lib/grove-tool.js';
import { addSessions, attachAtPrompt } from './lib/scenario.js';
import { sleep } from './lib/stats.js';
import { WORKLOADS } from './lib/workloads.js';
import { Workspace } from './lib/workspace.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const SCENARIOS = {
  echo: (tool, ctx) => echoOnce(tool, ctx, 0, ctx.params.echoKeys),
  flood: (tool, ctx) => echoOnce(tool, ctx, 1, ctx.params.echoKeys),
  flood4: (tool, ctx) => echoOnce(tool, ctx, 4, ctx.params.echoKeys),
  throughput: (tool, ctx) => catOnce(tool, ctx),
  'first-frame': async (tool) => {
    await tool.start();
    await oneReadyShell(tool);
    const times = [];
    for (let i = 0; i < 5; i++) times.push(await attachOnce(tool));
    return times;
  },
  attach: async (tool, ctx) => {
    await tool.start();
    await sessionsWithScrollback(tool, ctx.params.scaleSessions, ctx.params.scaleLines);
    const times = [];
    for (let i = 0; i < 3; i++) times.push(await attachOnce(tool));
    return times;
  },
  idle: async (tool, ctx) => {
    await tool.start();
    await addSessions(tool, 0, ctx.params.cpuSessions);
    const client = await attachAtPrompt(tool);
    await sleep(ctx.params.cpuWindowS * 1000);
    await client.close();
    return `${ctx.params.cpuSessions} sessions watched for ${ctx.params.cpuWindowS} s`;
  },
};

async function main() {
  const { values, positionals } = parseOptions({ allowPositionals: true, options: { quick: { type: 'boolean' }, keep: { type: 'string' } } });
  const scenario = SCENARIOS[positionals[0]];
  if (!scenario) throw new UsageError(`usage: node bench/profile.js ${Object.keys(SCENARIOS).join('|')} [--quick] [--keep DIR]`);
  const workspace = new Workspace();
  try {
    const params = WORKLOADS[values.quick ? 'quick' : 'full'];
    const logPath = join(workspace.folder('log-'), 'coloured.log');
    writeColouredLog(logPath, params.logMB * 1024 * 1024);
    const profiles = workspace.folder('profiles-');
    const serverDir = join(profiles, 'server');
    const clientDir = join(profiles, 'client');
    mkdirSync(serverDir);
    mkdirSync(clientDir);
    // The server and the clients write to different folders; the flag must come before the script.
    const tool = new GroveTool(workspace, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', clientDir] });
    tool.serverNodeArgs = ['--cpu-prof', '--cpu-prof-dir', serverDir];
    const ctx = { workspace, params, logPath, progress: (line) => process.stderr.write(`${line}\n`) };
    let result;
    try {
      result = await scenario(tool, ctx);
    } finally {
      await tool.stopEarly?.();
    }
    process.stdout.write(`scenario ${positionals[0]}: ${JSON.stringify(result, (k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}\n\n`);
    for (const [title, dir] of [['server', serverDir], ['client', clientDir]]) {
      const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f));
      if (files.length === 0) process.stdout.write(`${title}: no profile written\n\n`);
      else process.stdout.write(`${formatSummary(`${title} (${files.length} profile${files.length === 1 ? '' : 's'})`, summarise(files, ROOT))}\n\n`);
    }
    if (values.keep) cpSync(profiles, values.keep, { recursive: true });
  } finally {
    await workspace.dispose();
  }
}

runMain('profile', main);
