/**
 * Throughput, four panes at once: four sessions side by side each `cat` the coloured log at the same
 * moment, as agents dumping logs in parallel do; seconds until all four show the log's last line on the
 * attached client's screen.
 *
 * In grove, four sessions in the tiled layout; in tmux, four panes of one window, tiled. Each session
 * prints READY and waits for a file to appear, so all four start together when the benchmark makes it and
 * the clock starts. The client's screen is followed (a headless xterm) throughout, the same for both
 * tools, since the end is four panes showing the marker, not a byte in the stream.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { END_MARKER } from '../lib/coloured-log.js';
import { alternate, attachAtPrompt, measuring, perTool, PRINT_READY, READY, SHELL_ARGV, skippedIn } from '../lib/scenario.js';
import { median } from '../lib/stats.js';
import { afterGo } from './echo.js';

const PANES = 4;
const count = (lines, text) => lines.reduce((n, line) => n + line.split(text).length - 1, 0);

async function catFourOnce(tool, ctx) {
  try {
    await tool.start();
    const go = join(ctx.workspace.folder('many-'), 'go');
    const argv = afterGo(go, `cat '${ctx.logPath}'; exec ${SHELL_ARGV.join(' ')}`);
    const printing = ['bash', '-c', `${PRINT_READY}; exec ${argv.map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ')}`];
    await tool.newSession('cat-1', printing);
    for (let pane = 2; pane <= PANES; pane++) {
      if (tool.splitBeside) await tool.splitBeside('cat-1', printing);
      else await tool.newSession(`cat-${pane}`, printing);
    }
    await tool.tile?.('cat-1');
    const client = tool.attach();
    if (tool.tileKeys) {
      await client.waitForScreen((lines) => count(lines, READY) >= 1, 15_000, `${tool.name}'s first pane`);
      client.write(tool.tileKeys);
    }
    await client.waitForScreen((lines) => count(lines, READY) >= PANES, 15_000, `${tool.name} showing four panes`);
    const shown = client.waitForScreen((lines) => count(lines, END_MARKER) >= PANES, ctx.params.throughputTimeoutMs, 'the last line in all four panes');
    const start = performance.now();
    writeFileSync(go, '');
    const seconds = ((await shown) - start) / 1000;
    await client.close();
    return seconds;
  } finally {
    await tool.stopEarly?.();
  }
}

export async function throughputMany(ctx) {
  const { throughputRuns } = ctx.params;
  const tools = measuring(ctx.tools, 'throughput-4');
  const runs = await alternate(tools, throughputRuns, async (Tool, round) => {
    const seconds = await catFourOnce(new Tool(ctx.workspace), ctx);
    ctx.progress(`throughput of four panes ${Tool.toolName} run ${round + 1}/${throughputRuns}: ${seconds.toFixed(2)} s`);
    return seconds;
  });
  return { throughput_4: { unit: 's', ...perTool(runs, median), samples: runs, skipped: skippedIn(ctx.tools, 'throughput-4') } };
}
