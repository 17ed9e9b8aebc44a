/**
 * src/io/proc.ts against real programs in a real pty: a shell blocked in `read` is reading the terminal;
 * a busy loop, a sleep and an interactive shell at its prompt are not; a job the shell puts in front
 * holds the terminal instead of the shell.
 *
 * /proc changes without the program printing anything, so these tests poll it until it shows the state
 * asked for, and fail with the last reading if it never does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as pty from 'node-pty';
import { readForeground, type ForegroundProcess } from '../../src/io/proc.js';

const DEADLINE_MS = 5_000;
const running: pty.IPty[] = [];

interface Started {
  readonly pid: number;
  readonly output: () => string;
  readonly write: (data: string) => void;
  /** Stops reading the pty, as grove's flow control does, so the program's writes block. */
  readonly pause: () => void;
}

function start(args: string[]): Started {
  const env = { ...process.env, PS1: 'ready$ ' };
  const child = pty.spawn('bash', args, { name: 'xterm-256color', cols: 80, rows: 24, cwd: process.cwd(), env });
  running.push(child);
  let output = '';
  child.onData((data) => (output += data));
  return { pid: child.pid, output: () => output, write: (data) => child.write(data), pause: () => child.pause() };
}

async function until<T>(read: () => T, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  let value = read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = read();
  }
  return value;
}

function foregroundOf(pid: number): () => ForegroundProcess | undefined {
  return () => readForeground(pid);
}

afterEach(async () => {
  await Promise.all(
    running.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          child.onExit(() => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
});

describe.skipIf(process.platform !== 'linux')('the terminal foreground from /proc', () => {
  it('sees a shell blocked in read -p as reading the terminal', async () => {
    const shell = start(['-c', 'read -p "name? " x']);
    await until(shell.output, (text) => text.includes('name? '), 'the question');
    const foreground = await until(foregroundOf(shell.pid), (fg) => fg?.readingTerminal === true, 'a blocking read');
    expect(foreground).toMatchObject({ pid: shell.pid, name: 'bash', state: 'S', isProgram: true });
  });

  it('sees a busy loop as not reading', async () => {
    const busy = start(['-c', 'echo spinning; while :; do :; done']);
    await until(busy.output, (text) => text.includes('spinning'), 'the loop to start');
    const foreground = await until(foregroundOf(busy.pid), (fg) => fg?.state === 'R', 'the loop running');
    expect(foreground).toMatchObject({ pid: busy.pid, isProgram: true, readingTerminal: false, wchan: '' });
  });

  it('sees a sleeping program as asleep but not reading', async () => {
    const sleeper = start(['-c', 'echo napping; exec sleep 30']);
    await until(sleeper.output, (text) => text.includes('napping'), 'the sleep to start');
    const foreground = await until(foregroundOf(sleeper.pid), (fg) => fg?.name === 'sleep' && fg.state === 'S', 'sleep');
    expect(foreground).toMatchObject({ isProgram: true, readingTerminal: false });
    expect(foreground!.wchan).not.toBe('');
  });

  it('does not mistake a writer stalled by flow control for a reader, though both wait on the tty', async () => {
    const writer = start(['-c', 'exec yes']);
    writer.pause();
    const stalled = await until(foregroundOf(writer.pid), (fg) => fg?.state === 'S', 'the writer to block');
    expect(stalled).toMatchObject({ name: 'yes', readingTerminal: false });
  });

  it('tells an interactive shell at its prompt from a job it runs in front', async () => {
    const shell = start(['--norc', '--noprofile', '-i']);
    await until(shell.output, (text) => text.includes('ready$ '), 'the prompt');
    const atPrompt = await until(foregroundOf(shell.pid), (fg) => fg?.state === 'S', 'the shell to wait for keys');
    expect(atPrompt).toMatchObject({ pid: shell.pid, isProgram: true, readingTerminal: false });

    shell.write('sleep 30\r');
    const job = await until(foregroundOf(shell.pid), (fg) => fg?.name === 'sleep', 'the job in front');
    expect(job).toMatchObject({ isProgram: false, readingTerminal: false });
    expect(job!.pid).not.toBe(shell.pid);
  });

  it('knows nothing of a process that is not there', () => {
    expect(readForeground(2 ** 22 + 12_345)).toBeUndefined();
  });
});
