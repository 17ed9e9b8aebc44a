/**
 * Keystroke echo latency: from writing a key to the client's terminal until the shell's echo of it appears
 * in the client's output: with nothing else happening, while a second, visible pane floods, and while four
 * do (agents dumping logs in parallel).
 *
 * Keys cycle through capital letters that neither the flood (the coloured log, in a loop), the prompt nor
 * either tool's status line ever shows, and each key is erased (Backspace) before the next, so the only
 * place a key's letter can come from is its own echo; escape sequences are stripped before looking, since
 * letters are also their final bytes. Keys come 20–39 ms apart (a fast typist's pace), off the beat of any frame timer.
 * A key whose echo takes longer than `ECHO_TIMEOUT_MS` counts as that long, and a round ends after
 * `ROUND_BUDGET_MS` (the table gives each tool's count of keys).
 *
 * A flood is a session beside the shell: in grove the tiled layout showing them all, in tmux panes split
 * beside the shell's, tiled. ccmanager shows one session at a time, so there the floods run in other
 * sessions, unseen (its emulator still reads every byte of them).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { alternate, attachAtPrompt, perTool, SHELL_ARGV } from '../lib/scenario.js';
import { percentile, sleep } from '../lib/stats.js';

const KEYS = 'ZQXJKYV';
const BACKSPACE = '\x7f';
const ECHO_TIMEOUT_MS = 2000;

/** A round stops after this long, however many keys it has typed: a tool that keeps missing keys would take half an hour. */
const ROUND_BUDGET_MS = 30_000;

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
    const until = performance.now() + ROUND_BUDGET_MS;
    for (let i = 0; i < count && performance.now() < until; i++) {
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

/** The flood: the log in a loop, from when `go` appears (so every tool's sessions start, and are opened, quiet). */
export const afterGo = (go, command) => ['bash', '-c', `while [ ! -e '${go}' ]; do sleep 0.02; done; ${command}`];
const showsFlood = (lines) => lines.filter((line) => line.includes('status=')).length >= 10;

/** `count` keys into a shell on a fresh server, with `floods` (0, 1 or more) flooding panes beside it. */
export async function echoOnce(tool, ctx, floods, count) {
  const flooding = floods > 0;
  try {
    await tool.start();
    const go = join(ctx.workspace.folder('echo-'), 'go');
    const flood = afterGo(go, `while :; do cat '${ctx.logPath}'; done`);
    await tool.newSession('shell', SHELL_ARGV);
    for (let n = 1; n <= floods; n++) {
      if (tool.splitBeside) await tool.splitBeside('shell', flood);
      else await tool.newSession(`flood-${n}`, flood);
    }
    if (floods > 1) await tool.tile?.('shell');
    const client = await attachAtPrompt(tool);
    if (flooding && tool.tileKeys) client.write(tool.tileKeys);
    if (flooding) writeFileSync(go, '');
    if (flooding && !tool.constructor.floodUnseen) await client.waitForScreen(showsFlood, 10_000, `${tool.name} showing the flood beside the shell`);
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
  for (const [label, floods] of [['idle', 0], ['flood', 1], ['flood4', 4]]) {
    const flooding = floods > 0;
    const runs = await alternate(ctx.tools, echoRounds, async (Tool, round) => {
      const result = await echoOnce(new Tool(ctx.workspace), ctx, floods, Math.ceil(echoKeys / echoRounds));
      ctx.progress(`echo (${label}) ${Tool.toolName} round ${round + 1}/${echoRounds}: p50 ${percentile(result.times, 50).toFixed(1)} ms, p99 ${percentile(result.times, 99).toFixed(1)} ms`);
      return result;
    });
    const times = perTool(runs, (results) => results.flatMap((r) => r.times));
    const timeouts = perTool(runs, (results) => results.reduce((n, r) => n + r.timeouts, 0));
    const notes = flooding ? Object.fromEntries(ctx.tools.filter((Tool) => Tool.floodUnseen).map((Tool) => [Tool.toolName, `${floods > 1 ? 'the floods in other sessions' : 'the flood in another session'}, unseen: it shows one session at a time`])) : {};
    for (const p of [50, 99]) {
      entries[`echo_${label}_p${p}`] = { unit: 'ms', ...perTool(times, (all) => percentile(all, p)), keys: perTool(times, (all) => all.length), timeouts, ...(Object.keys(notes).length ? { notes } : {}) };
    }
  }
  return entries;
}
