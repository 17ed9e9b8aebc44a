/**
 * What every figure shares: the shell a session runs, the text that says a screen is complete, and the
 * small steps (make sessions, attach and wait for a prompt, run two tools in alternation) the figures are
 * built from. Both tools go through exactly these steps; only `tool` differs.
 */
import { ROWS } from './client.js';
import { sleep } from './stats.js';

export const SHELL_ARGV = ['bash', '--norc', '--noprofile'];

/** Printed by `printf 'ZQXJ%s\n' READY`, so the command line itself never contains it. */
export const READY = 'ZQXJREADY';
export const PRINT_READY = `printf 'ZQXJ%s\\n' READY`;

/** A session that fills its scrollback with `lines` lines, says it is ready, then waits as a shell. */
export const scrollbackArgv = (lines) => ['bash', '-c', `seq 1 ${lines}; ${PRINT_READY}; exec ${SHELL_ARGV.join(' ')}`];

/** A whole screen: the status line is drawn and so is the pane's READY line. */
export const isCompleteScreen = (lines) => lines[ROWS - 1].trim() !== '' && lines.some((line) => line.includes(READY));

/** The prompt ('$ ') at the start of a pane: the screen's left edge or just right of a border. */
export const showsPrompt = (lines) => lines.some((line) => /(^|│)\$( |$)/.test(line));

/** Makes sessions shell-<from>…shell-<to-1> (grove refuses names that look like its ids, s1…), a few at a time (each `grove new` is a process start). */
export async function addSessions(tool, from, to, argvOf = () => SHELL_ARGV) {
  const names = [];
  for (let i = from; i < to; i++) names.push(`shell-${i}`);
  for (let i = 0; i < names.length; i += 4) {
    await Promise.all(names.slice(i, i + 4).map((name) => tool.newSession(name, argvOf(name))));
  }
  return names;
}

/** Waits until each session's pane shows `text` (its startup output has all been read). */
export async function waitForPanes(tool, names, text, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (const name of names) {
    while (!(await tool.paneText(name)).includes(text)) {
      if (Date.now() > deadline) throw new Error(`${tool.name}: session ${name} never showed ${text}`);
      await sleep(50);
    }
  }
}

/** Attaches a client and waits for its first prompt (a tool without a server opens its sessions as it starts). */
export async function attachAtPrompt(tool, options) {
  if (tool.attachOpened) return tool.attachOpened(options);
  const client = tool.attach(options);
  await client.waitForScreen(showsPrompt, 15_000, `${tool.name}'s first prompt`);
  return client;
}

/**
 * Runs `once(tool, round)` for `rounds` rounds over the tools, rotating which goes first each round so
 * none always runs on a warmer (or more tired) machine; returns the results per tool name. A peer's round
 * that fails is run once more: driving another tool's UI through its screen now and then misses (ccmanager's
 * menu taking a key as the view settles, its search not opening), which should cost a retry, not the whole
 * run. A round that fails twice is left out of that peer's figure (and said on stderr), unless the peer
 * would be left with no round at all. grove's rounds never fail quietly: one failure ends the run.
 * `say` hears those lines (stderr).
 */
export async function alternate(tools, rounds, once, say = (line) => process.stderr.write(line)) {
  const results = Object.fromEntries(tools.map((Tool) => [Tool.toolName, []]));
  const failed = Object.fromEntries(tools.map((Tool) => [Tool.toolName, undefined]));
  const attempt = async (Tool, round) => {
    try {
      results[Tool.toolName].push(await once(Tool, round));
    } catch (err) {
      if (Tool.toolName === 'grove') throw err;
      say(`bench: ${Tool.toolName} round ${round + 1} failed (${firstLine(err)}); running it again\n`);
      try {
        results[Tool.toolName].push(await once(Tool, round));
      } catch (again) {
        say(`bench: ${Tool.toolName} round ${round + 1} failed again (${firstLine(again)}); left out of its figure\n`);
        failed[Tool.toolName] = again;
      }
    }
  };
  for (let round = 0; round < rounds; round++) {
    const shift = round % tools.length;
    const order = [...tools.slice(shift), ...tools.slice(0, shift)];
    for (const Tool of order) await attempt(Tool, round);
  }
  for (const [name, error] of Object.entries(failed)) if (error && results[name].length === 0) throw error;
  return results;
}

const firstLine = (err) => String(err?.message ?? err).split('\n')[0];

/** The tools a figure can measure: those that do not say why they have no part in it. */
export const measuring = (tools, figure) => tools.filter((Tool) => !Tool.notMeasured?.[figure]);

/** Why each tool left out of a figure has no part in it, by tool name (the table says so). */
export const skippedIn = (tools, figure) => Object.fromEntries(tools.filter((Tool) => Tool.notMeasured?.[figure]).map((Tool) => [Tool.toolName, Tool.notMeasured[figure]]));

/** One value per tool, from each tool's results. */
export const perTool = (results, value) => Object.fromEntries(Object.entries(results).map(([name, result]) => [name, value(result, name)]));
