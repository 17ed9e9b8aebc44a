/**
 * Records real agent CLIs for the status fixtures and the status benchmark (`npm run bench -- --only status`).
 *
 *   node scripts/record-agents.js AGENTS_DIR [SCENARIO...]
 *
 * AGENTS_DIR holds the CLIs installed from npm (`npm install --prefix AGENTS_DIR @anthropic-ai/claude-code
 * @openai/codex @google/gemini-cli @github/copilot opencode-ai`). Each scenario runs one CLI in a real pty
 * with a fresh HOME in a fresh git repository, through steps: wait for a screen (a regular expression),
 * which marks the true status from that moment, and press keys. It writes
 * - bench/recordings/<scenario>.json: every output chunk and keystroke with its time, the truth marks,
 *   the CLI's version;
 * - test/fixtures/screens/<agent>/<status>-real-<step>.txt: the screen at each mark, as text.
 * The truth is what the scenario knows (it pressed the keys and waited for the question to be drawn),
 * not what grove's rules say. A model server on 127.0.0.1 (scripts/model-server.js) answers the CLIs that
 * need one for whole turns.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import { PaneEmulator } from '../dist/emu/pane-emulator.js';
import { screenText } from '../dist/core/status/observation.js';
import { SCENARIOS } from './agent-scenarios.js';
import { startModelServer } from './model-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COLS = 100;
const ROWS = 30;
const STEP_TIMEOUT_MS = 30_000;

const [agentsDir, ...only] = process.argv.slice(2);
if (!agentsDir) {
  console.error('usage: node scripts/record-agents.js AGENTS_DIR [SCENARIO...]');
  process.exit(2);
}

const version = (command) => execFileSync(join(agentsDir, 'node_modules/.bin', command), ['--version'], { encoding: 'utf8' }).trim().split('\n')[0];

async function record(scenario, model) {
  const dir = mkdtempSync(join(tmpdir(), 'grove-record-'));
  const home = join(dir, 'home');
  const project = join(dir, 'project');
  mkdirSync(home);
  mkdirSync(project);
  execFileSync('git', ['init', '-q'], { cwd: project });
  writeFileSync(join(project, 'notes.txt'), 'hello\n');
  scenario.seed?.({ home, project, model });
  // Hooks (for agents that have them) append `EVENT JSON` lines here; they are timed as they arrive.
  const hookLog = join(dir, 'hooks.log');
  writeFileSync(hookLog, '');
  const env = {
    HOME: home,
    PATH: `${join(agentsDir, 'node_modules/.bin')}:/usr/local/bin:/usr/bin:/bin`,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    ...scenario.env?.(model),
  };
  const emulator = new PaneEmulator({ cols: COLS, rows: ROWS, scrollback: 0, onReply: (reply) => child.write(reply) });
  const events = [];
  const marks = [];
  const start = Date.now();
  const args = scenario.hooks ? [...(scenario.args ?? []), ...scenario.hooks(hookLog)] : scenario.args ?? [];
  const child = pty.spawn(join(agentsDir, 'node_modules/.bin', scenario.command), args, { cols: COLS, rows: ROWS, cwd: project, env });
  let hookText = '';
  const hookTimer = setInterval(() => {
    const all = existsSync(hookLog) ? readFileSync(hookLog, 'utf8') : '';
    const text = all.slice(0, all.lastIndexOf('\n') + 1);
    for (const line of text.slice(hookText.length).split('\n').filter(Boolean)) {
      const space = line.indexOf(' ');
      const event = space < 0 ? line : line.slice(0, space);
      let payload = {};
      try {
        payload = JSON.parse(line.slice(space + 1));
      } catch {}
      events.push({ t: Date.now() - start, hook: event, ...(payload.notification_type ? { notification: payload.notification_type } : {}) });
    }
    hookText = text;
  }, 10);
  child.onData((data) => {
    events.push({ t: Date.now() - start, o: data });
    emulator.write(data);
  });
  const screen = () => screenText(emulator.frame()).lines;
  const screens = [];
  try {
    for (const step of scenario.steps) {
      if (step.keys !== undefined) {
        if (step.delay) await new Promise((r) => setTimeout(r, step.delay));
        events.push({ t: Date.now() - start, i: step.keys });
        if (step.truth) marks.push({ t: Date.now() - start, status: step.truth });
        child.write(step.keys);
        continue;
      }
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      const shown = typeof step.until === 'function' ? step.until : (text) => step.until.test(text);
      while (!shown(screen().join('\n'))) {
        if (Date.now() > deadline) throw new Error(`${scenario.name}: no ${step.until} on screen:\n${screen().join('\n')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      marks.push({ t: Date.now() - start, status: step.truth });
      if (step.screen) screens.push({ file: `${step.truth}-real-${step.screen}.txt`, text: screen().join('\n').replace(/\n+$/, '') + '\n' });
      if (step.hold) await new Promise((r) => setTimeout(r, step.hold));
    }
  } finally {
    clearInterval(hookTimer);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    emulator.dispose();
    // The killed CLI may still be writing its files for a moment.
    await new Promise((r) => setTimeout(r, 500));
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (err) {
      console.error(`left ${dir}: ${err.message}`);
    }
  }
  const recording = { scenario: scenario.name, agent: scenario.agent, version: version(scenario.command), cols: COLS, rows: ROWS, end: Date.now() - start, marks, events };
  writeFileSync(join(ROOT, 'bench/recordings', `${scenario.name}.json`), JSON.stringify(recording) + '\n');
  for (const { file, text } of screens) writeFileSync(join(ROOT, 'test/fixtures/screens', scenario.agent, file), text);
  console.log(`${scenario.name}: ${marks.length} marks, ${events.length} events, ${recording.end} ms (${recording.version})`);
}

const model = await startModelServer();
try {
  for (const scenario of SCENARIOS.filter((s) => !only.length || only.includes(s.name))) await record(scenario, model);
} finally {
  await model.close();
}
