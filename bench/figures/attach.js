/**
 * Time to first frame, and attach time at scale: from starting the client until the client's terminal
 * shows a complete screen — the status line drawn and the focused pane's READY line on it.
 *
 * First frame: one shell session that has printed READY. Scale: `scaleSessions` sessions, each holding
 * `scaleLines` lines of scrollback (`seq`) followed by READY. Sessions are made and settled (their panes
 * show READY) before any client starts, and the same servers serve every attach, alternating tools.
 * The client is followed by a headless xterm, so "complete" means what a person would see. ccmanager has
 * no server, so no session before it starts: its first frame is its menu, and attaching has no meaning.
 * After the scale runs, one more client attaches and the server's and client's resident memory is read,
 * once things settle: what holding that much scrollback costs.
 */
import { addSessions, alternate, isCompleteScreen, measuring, perTool, PRINT_READY, READY, scrollbackArgv, SHELL_ARGV, skippedIn, waitForPanes } from '../lib/scenario.js';
import { GroveTool } from '../lib/grove-tool.js';
import { residentMB } from '../lib/proc.js';
import { median, sleep } from '../lib/stats.js';

/** A session at its prompt before the client starts (a tool without a server has none to prepare). */
export async function oneReadyShell(tool) {
  if (!tool.type) return;
  await tool.newSession('ready', SHELL_ARGV);
  await tool.type('ready', PRINT_READY);
  await waitForPanes(tool, ['ready'], READY);
}

export async function sessionsWithScrollback(tool, sessions, lines) {
  const names = await addSessions(tool, 0, sessions, () => scrollbackArgv(lines));
  await waitForPanes(tool, names, READY);
}

/** Milliseconds from starting a client until its screen is complete; the client then detaches. */
export async function attachOnce(tool, options) {
  const client = tool.attach(options);
  const shown = await client.waitForScreen(tool.completeScreen ?? isCompleteScreen, 15_000, `${tool.name}'s complete screen`);
  await client.close();
  await sleep(100);
  return shown - client.startedAt;
}

/** Attach times per tool; `afterwards(tool)`, when given, runs on each tool once they are taken. */
async function attachTimes(ctx, runs, label, prepare, figure, afterwards) {
  const measured = measuring(ctx.tools, figure);
  const tools = new Map();
  try {
    for (const Tool of measured) {
      const tool = new Tool(ctx.workspace);
      tools.set(Tool.toolName, tool);
      await tool.start();
      await prepare(tool);
    }
    const times = await alternate(measured, runs, async (Tool, round) => {
      const ms = await attachOnce(tools.get(Tool.toolName));
      ctx.progress(`${label} ${Tool.toolName} run ${round + 1}/${runs}: ${ms.toFixed(0)} ms`);
      return ms;
    });
    const after = {};
    for (const [name, tool] of tools) if (afterwards) after[name] = await afterwards(tool);
    return { times, after };
  } finally {
    for (const tool of tools.values()) await tool.stopEarly?.();
  }
}

export async function firstFrame(ctx) {
  const { times } = await attachTimes(ctx, ctx.params.firstFrameRuns, 'first frame', oneReadyShell, 'first-frame');
  const medians = perTool(times, median);
  const menu = Object.fromEntries(ctx.tools.filter((Tool) => Tool.notMeasured?.attach).map((Tool) => [Tool.toolName, 'its menu: it has no session until one is opened from it']));
  return {
    first_frame: { unit: 'ms', ...medians, samples: times, ...(Object.keys(menu).length ? { notes: menu } : {}) },
    first_frame_cold: { ...(await coldFirstFrame(ctx, medians)), ...(Object.keys(menu).length ? { notes: menu } : {}) },
  };
}

/**
 * grove keeps V8's compiled code between starts (src/io/code-cache.ts), so the figure above is every start
 * but the first after an install or a Node upgrade. This is that first one: the same, with the cache off.
 */
async function coldFirstFrame(ctx, others) {
  const tool = new GroveTool(ctx.workspace);
  try {
    await tool.start();
    await oneReadyShell(tool);
    const times = [];
    for (let run = 0; run < ctx.params.firstFrameRuns; run++) {
      times.push(await attachOnce(tool, { env: { ...tool.env, GROVE_CODE_CACHE: 'off' } }));
      ctx.progress(`first frame without the code cache run ${run + 1}/${ctx.params.firstFrameRuns}: ${times.at(-1).toFixed(0)} ms`);
    }
    return { unit: 'ms', ...others, grove: median(times), samples: { grove: times } };
  } finally {
    await tool.stopEarly?.();
  }
}

/** Resident MB of a tool's server and an attached client, once the client shows its screen and things settle. */
async function memoryAttached(ctx, tool) {
  const client = tool.attach();
  try {
    await client.waitForScreen(tool.completeScreen ?? isCompleteScreen, 15_000, `${tool.name}'s complete screen`);
    await sleep(ctx.params.settleMs);
    const mb = residentMB([...tool.serverPids(), client.pid]);
    ctx.progress(`memory ${tool.name} with the sessions' scrollback: ${mb.toFixed(1)} MB`);
    return mb;
  } finally {
    await client.close();
  }
}

export async function attachAtScale(ctx) {
  const { scaleSessions, scaleLines, attachRuns } = ctx.params;
  const prepare = (tool) => sessionsWithScrollback(tool, scaleSessions, scaleLines);
  const { times, after } = await attachTimes(ctx, attachRuns, 'attach at scale', prepare, 'attach', (tool) => memoryAttached(ctx, tool));
  const shape = { sessions: scaleSessions, scrollback_lines: scaleLines, skipped: skippedIn(ctx.tools, 'attach') };
  return {
    [`memory_scrollback_${scaleSessions}x${scaleLines}`]: { unit: 'MB', ...after, ...shape },
    [`attach_${scaleSessions}x${scaleLines}`]: { unit: 'ms', ...perTool(times, median), ...shape, samples: times },
    // The first attach after the sessions were made is also the first time their panes take the client's
    // size, so it pays for resizing (reflowing) every scrollback; the median above is the steady state.
    [`attach_first_${scaleSessions}x${scaleLines}`]: { unit: 'ms', ...perTool(times, (all) => all[0]), ...shape },
  };
}
