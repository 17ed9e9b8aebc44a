/**
 * The harness proves itself on bash before it is trusted with grove: what the screen shows, sizes,
 * the alternate screen, cursor visibility, keys as a terminal sends them, replies to queries, exit
 * codes, and failures that show the screen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeKey, makeSandbox, startTerminal, type Sandbox, type TestTerminal } from './harness.js';

let sandbox: Sandbox;
let terminal: TestTerminal | undefined;

beforeEach(() => {
  sandbox = makeSandbox();
});

afterEach(async () => {
  await terminal?.dispose();
  terminal = undefined;
  sandbox.cleanup();
});

async function startBash(cols?: number, rows?: number): Promise<TestTerminal> {
  terminal = await startTerminal({ command: '/bin/bash', cols, rows, cwd: sandbox.dir, env: sandbox.env });
  await terminal.waitForText(/^\$$/m); // the prompt '$ ', trimmed
  return terminal;
}

/** Runs a command line and waits for its output; the typed line itself must not be able to match. */
async function run(t: TestTerminal, line: string, output: string | RegExp): Promise<void> {
  t.write(`${line}\r`);
  await t.waitForText(output);
}

describe('the test terminal', () => {
  it('shows what the program prints, row by row, trailing spaces trimmed', async () => {
    const t = await startBash();
    await run(t, 'echo $((6 * 7))   ', /^42\n\$$/m); // the answer, then the next prompt
    const lines = t.screenText().split('\n');
    expect(lines).toHaveLength(30);
    expect(lines.slice(0, 3)).toEqual(['$ echo $((6 * 7))', '42', '$']);
    expect(t.row(1)).toBe('42');
    expect(t.snapshot()).toContain('01 │42');
  });

  it('starts at the size asked for and follows a resize, as tput sees it', async () => {
    const t = await startBash(100, 30);
    await run(t, 'echo size=$(tput cols)x$(tput lines)', 'size=100x30');
    t.resize(120, 40);
    await run(t, 'echo size=$(tput cols)x$(tput lines)', 'size=120x40');
    expect([t.term.cols, t.term.rows]).toEqual([120, 40]);
  });

  it('knows when the program switches to the alternate screen and back', async () => {
    const t = await startBash();
    expect(t.isAltScreen()).toBe(false);
    t.write("printf '\\e[?1049h'\r");
    await t.waitFor(() => t.isAltScreen(), 'the alternate screen');
    t.write("printf '\\e[?1049l'\r");
    await t.waitFor(() => !t.isAltScreen(), 'the normal screen');
  });

  it('knows when the cursor is hidden and shown again', async () => {
    const t = await startBash();
    expect(t.isCursorVisible()).toBe(true);
    t.write("printf '\\e[?25l'\r");
    await t.waitFor(() => !t.isCursorVisible(), 'a hidden cursor');
    expect(t.snapshot()).toContain('(hidden)');
    t.write("printf '\\e[?25h'\r");
    await t.waitFor(() => t.isCursorVisible(), 'a visible cursor');
  });

  it("answers the program's queries as a terminal would", async () => {
    const t = await startBash();
    // Ask for the cursor position (DSR 6); xterm answers ESC [ row ; col R into the pty.
    t.write("IFS= read -rs -d R -p $'\\e[6n' answer; echo \"at ${answer#??}\"\r");
    await t.waitForText(/^at \d+;\d+$/m);
  });

  it('reports the exit code once the program ends, with its last output on screen', async () => {
    const t = await startBash();
    // A burst before the end: without the held slave, 10 of 12 such runs here lost their tail.
    t.write('seq 1 2000; echo bye; exit 3\r');
    await expect(t.exited).resolves.toEqual({ exitCode: 3 });
    expect(t.screenText()).toMatch(/^bye$/m);
  });

  it('kills on dispose, and dispose can be called twice', async () => {
    const t = await startBash();
    await t.dispose();
    await expect(t.exited).resolves.toMatchObject({ signal: expect.any(Number) });
    await t.dispose();
  });
});

describe('waiting', () => {
  it('waits for text to go away', async () => {
    const t = await startBash();
    await run(t, 'echo $((1 + 1))first', '2first');
    t.write('clear\r');
    await t.waitForGone('2first');
  });

  it('fails with the numbered screen when the text never comes', async () => {
    const t = await startBash();
    const error = await t.waitForText('never printed', 300).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Waited for text "never printed", but timed out after 300ms/);
    expect((error as Error).message).toContain('00 │$');
  });

  it('fails at once when the program exits first, without waiting out the timeout', async () => {
    const t = await startBash();
    const waiting = t.waitForText('never printed', 60_000);
    t.write('exit 0\r');
    await expect(waiting).rejects.toThrow(/the program exited \(\{"exitCode":0\}\) first/);
  });
});

describe('keys', () => {
  it('sends named keys as a terminal does, cursor keys following the application mode', async () => {
    const t = await startBash();
    // cat -A makes every byte visible; the tty's own echo shows TAB as spaces and no '$', so only
    // cat's output can match.
    // Each marker is printed after bash has put the tty back in cooked mode, so cat reads every byte.
    await run(t, 'echo ready-$((1 + 1)); cat -A', 'ready-2');
    t.press('Up', 'C-b', 'Tab', 'Escape', 'Enter');
    await t.waitForText('^[[A^B^I^[$');
    t.press('C-d');
    await run(t, "printf '\\e[?1h'; echo ready-$((2 + 2)); cat -A", 'ready-4');
    expect(t.term.modes.applicationCursorKeysMode).toBe(true);
    t.press('Up', 'Enter');
    await t.waitForText('^[OA$');
  });

  it('edits a line with Left and BSpace', async () => {
    const t = await startBash();
    t.write('echo abc');
    t.press('Left', 'BSpace', 'Enter');
    await t.waitForText(/^ac$/m);
  });

  it('encodes modifiers the way xterm does', () => {
    expect(encodeKey('C-b')).toBe('\x02');
    expect(encodeKey('C-Space')).toBe('\x00');
    expect(encodeKey('M-x')).toBe('\x1bx');
    expect(encodeKey('S-a')).toBe('A');
    expect(encodeKey('S-Tab')).toBe('\x1b[Z');
    expect(encodeKey('C-Up')).toBe('\x1b[1;5A');
    expect(encodeKey('M-Left', true)).toBe('\x1b[1;3D');
    expect(encodeKey('PageDown')).toBe('\x1b[6~');
    expect(encodeKey('F1')).toBe('\x1bOP');
    expect(encodeKey('é')).toBe('é');
    expect(() => encodeKey('Enterr')).toThrow(/unknown key/);
  });
});

describe('the sandbox', () => {
  it('gives the program its own HOME, prompt and no history file', async () => {
    const t = await startBash();
    await run(t, 'echo "home=$HOME term=$TERM hist=${HISTFILE-none}"', `home=${sandbox.home} term=xterm-256color hist=none`);
    expect(fs.existsSync(path.join(sandbox.home, '.bashrc'))).toBe(true);
  });

  it('removes everything on cleanup', () => {
    const other = makeSandbox();
    fs.writeFileSync(path.join(other.home, 'file'), 'x');
    other.cleanup();
    expect(fs.existsSync(other.dir)).toBe(false);
  });
});
