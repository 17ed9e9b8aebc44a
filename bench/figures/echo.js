/**
 * Keystroke echo latency: from writing a key to the client's terminal until the shell's echo of it appears
 * in the client's output, once with nothing else happening and once while a second, visible pane floods.
 *
 * Keys cycle through capital letters that neither the flood (the coloured log, in a loop), the prompt nor
 * either tool's status line ever shows, and each key is erased (Backspace) before the next, so the only
 * place a key's letter can come from is its own echo; escape sequences are stripped before looking, since
 * letters are also their final bytes. Keys come 20–39 ms apart (a fast typist's pace), off the beat of any frame timer.
 * A key whose echo takes longer than `ECHO_TIMEOUT_MS` counts as that long.
 *
 * The flood is a second session beside the shell: in grove the tiled layout showing both, in tmux a
 * second pane split beside the shell's.
 */
import { performance } from 'node:perf_hooks';
import { alternate, attachAtPrompt, SHELL_ARGV } from '../lib/scenario.js';
import { percentile, sleep } from '../lib/stats.js';

const KEYS = 'ZQXJKYV';
const BACKSPACE = '\x7f';
const ECHO_TIMEOUT_MS = 2000;

async function echoTimes(client, count) {
  let waiting;
  const stop = client.onVisibleText((text, at) => {
    if (waiting && text.includes(waiting.key)) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve(at);
    }
  });
  const times = [];
  let timeouts = 0;
  try {
    for (let i = 0; i < count; i++) {
      const key = KEYS[i % KEYS.length];
      const echoed = new Promise((resolve) => (waiting = { key, resolve }));
      const start = performance.now();
      client.write(key);
      const at = await Promise.race([echoed, sleep(ECHO_TIMEOUT_MS).then(() => undefined)]);
      if (at === undefined) timeouts++;
      waiting = undefined;
      times.push(at === undefined ? ECHO_TIMEOUT_MS : at - start);
      client.write(BACKSPACE);
      await sleep(20 + ((i * 7) % 20));
    }
  } finally {
    stop();
  }
  return { times, timeouts };
}

const floodArgv = (logPath) => ['bash', '-c', `while :; do cat '${logPath}'; done`];
const showsFlood = (lines) => lines.filter((line) => line.includes('status=')).length >= 10;

/** `count` keys into a shell on a fresh server, with or without a flooding pane beside it. */
export async function echoOnce(tool, ctx, flooding, count) {
  try {
    await tool.start();
    await tool.newSession('shell', SHELL_ARGV);
    if (flooding && tool.splitBeside) await tool.splitBeside('shell', floodArgv(ctx.logPath));
    else if (flooding) await tool.newSession('flood', floodArgv(ctx.logPath));
    const client = await attachAtPrompt(tool);
    if (flooding && tool.tileKeys) client.write(tool.tileKeys);
    if (flooding) await client.waitForScreen(showsFlood, 10_000, `${tool.name} showing the flood beside the shell`);
    client.mirrorScreen(false);
    await sleep(300);
    const result = await echoTimes(client, count);
    await client.close();
    return result;
  } finally {
    await tool.stopEarly?.();
  }
}

export async function echo(ctx) {
  const { echoKeys, echoRounds } = ctx.params;
  const entries = {};
  for (const flooding of [false, true]) {
    const label = flooding ? 'flood' : 'idle';
    const runs = await alternate(ctx.tools, echoRounds, async (Tool, round) => {
      const result = await echoOnce(new Tool(ctx.workspace), ctx, flooding, Math.ceil(echoKeys / echoRounds));
      ctx.progress(`echo (${label}) ${Tool.toolName} round ${round + 1}/${echoRounds}: p50 ${percentile(result.times, 50).toFixed(1)} ms, p99 ${percentile(result.times, 99).toFixed(1)} ms`);
      return result;
    });
    const times = Object.fromEntries(Object.entries(runs).map(([name, results]) => [name, results.flatMap((r) => r.times)]));
    const timeouts = Object.fromEntries(Object.entries(runs).map(([name, results]) => [name, results.reduce((n, r) => n + r.timeouts, 0)]));
    for (const p of [50, 99]) {
      entries[`echo_${label}_p${p}`] = { unit: 'ms', grove: percentile(times.grove, p), tmux: percentile(times.tmux, p), keys: times.grove.length, timeouts };
    }
  }
  return entries;
}
