/**
 * Throughput: seconds from pressing Enter on `cat <log>` in a pane until the log's last line reaches the
 * attached client's terminal.
 *
 * Each run is a fresh server with one shell session and one client at 120×40. grove's pane is zoomed so it
 * has the whole client, like tmux's single pane; both are checked with `stty size` (39×120: the client's
 * last row is each tool's status line) before the clock starts. During the run the benchmark only scans the
 * raw output for the marker, so reading 30 MB costs it as little as possible.
 */
import { performance } from 'node:perf_hooks';
import { END_MARKER } from '../lib/coloured-log.js';
import { alternate, attachAtPrompt, perTool, SHELL_ARGV } from '../lib/scenario.js';
import { median } from '../lib/stats.js';

/**
 * Asks the shell for its size until it says 39×120 (40×120 in ccmanager, which draws no status line).
 * grove resizes the pane when it draws the zoomed layout, so a command typed at once can still see the
 * old size; asking again settles it.
 */
async function paneIsFullSize(client, tool) {
  const size = `${tool.paneRows ?? 39} 120`;
  for (let attempt = 1; ; attempt++) {
    client.write('clear; stty size\r');
    try {
      await client.waitForScreen((lines) => lines.some((line) => line.trim() === size), 2000, `${tool.name}'s pane at ${size}`);
      return;
    } catch (err) {
      if (attempt === 5) throw err;
    }
  }
}

/** One run on a fresh server: the seconds until the log's last line shows. */
export async function catOnce(tool, ctx) {
  try {
    await tool.start();
    await tool.newSession('cat', SHELL_ARGV);
    const client = await attachAtPrompt(tool);
    if (tool.zoomKeys) {
      client.write(tool.zoomKeys);
      await client.waitForScreen((lines) => lines[0].startsWith('$'), 10_000, `${tool.name}'s zoomed pane`);
    }
    await paneIsFullSize(client, tool);
    client.mirrorScreen(false);
    const shown = client.waitForOutput(END_MARKER, ctx.params.throughputTimeoutMs, "the log's last line");
    const start = performance.now();
    client.write(`cat ${ctx.logPath}\r`);
    const seconds = ((await shown) - start) / 1000;
    await client.close();
    return seconds;
  } finally {
    await tool.stopEarly?.();
  }
}

export async function throughput(ctx) {
  const { throughputRuns } = ctx.params;
  const runs = await alternate(ctx.tools, throughputRuns, async (Tool, round) => {
    const seconds = await catOnce(new Tool(ctx.workspace), ctx);
    ctx.progress(`throughput ${Tool.toolName} run ${round + 1}/${throughputRuns}: ${seconds.toFixed(2)} s`);
    return seconds;
  });
  return {
    throughput: { unit: 's', ...perTool(runs, median), samples: runs },
  };
}
