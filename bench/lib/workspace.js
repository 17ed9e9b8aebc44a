/**
 * The benchmark's scratch space and its promise to leave nothing behind.
 *
 * Everything a run creates — temp folders, servers, clients — registers its undoing here as it is made;
 * `dispose()` undoes it all, newest first, whether the run finished, threw, or was interrupted, then removes
 * the temp folder. Each undo is guarded, so one failing cleanup never skips the rest.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class Workspace {
  constructor() {
    this.root = mkdtempSync(join(tmpdir(), 'grove-bench-'));
    this.undos = [];
    this.counter = 0;
  }

  /** A fresh private folder (mode 0700: grove refuses a socket folder others can enter). */
  folder(prefix) {
    const path = join(this.root, `${prefix}${++this.counter}`);
    mkdirSync(path, { mode: 0o700 });
    return path;
  }

  /** Registers `undo` to run at dispose; returns a function that runs it early (and only once). */
  defer(undo) {
    let done = false;
    const once = async () => {
      if (done) return;
      done = true;
      await undo();
    };
    this.undos.push(once);
    return once;
  }

  async dispose() {
    while (this.undos.length) {
      const undo = this.undos.pop();
      try {
        await undo();
      } catch (err) {
        process.stderr.write(`bench: cleanup failed: ${err.message}\n`);
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The environment both tools and their shells get: a plain prompt, no history file, nothing inherited from
 *  a multiplexer the benchmark itself might be running inside. */
export function benchEnv(extra = {}) {
  const env = { ...process.env };
  for (const name of ['TMUX', 'TMUX_PANE', 'GROVE_SESSION', 'GROVE_SOCKET', 'PROMPT_COMMAND']) delete env[name];
  return {
    ...env,
    TERM: 'xterm-256color',
    LANG: env.LANG && /utf-?8/i.test(env.LANG) ? env.LANG : 'C.UTF-8',
    PS1: '$ ',
    HISTFILE: '/dev/null',
    ...extra,
  };
}
