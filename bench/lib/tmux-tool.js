/**
 * tmux, driven like `GroveTool`: an isolated server on its own socket, sessions made with `new-session -d`,
 * typed into with `send-keys`, and `tmux attach` in a pseudo-terminal.
 *
 * Its configuration is empty but for one line: `history-limit 10000`, grove's default scrollback, so both
 * tools keep the same history (tmux's own default is 2000 lines, which would flatter it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttachedClient, COLS, ROWS } from './client.js';
import { exec } from './exec.js';
import { descendants, isAlive, killSurvivors } from './proc.js';
import { sleep } from './stats.js';
import { benchEnv } from './workspace.js';

export const TMUX = process.env.TMUX_BIN || 'tmux';

export class TmuxTool {
  static toolName = 'tmux';
  name = 'tmux';
  /** tmux's only pane already fills the client. */
  zoomKeys = '';

  constructor(workspace) {
    this.workspace = workspace;
    this.folder = workspace.folder('tmux-');
    this.socket = join(this.folder, 'tmux.sock');
    this.config = join(this.folder, 'tmux.conf');
    this.env = benchEnv();
  }

  async start() {
    writeFileSync(this.config, 'set -g history-limit 10000\n');
    this.stopEarly = this.workspace.defer(() => this.stop());
  }

  tmux(args, timeoutMs) {
    return exec(TMUX, ['-S', this.socket, '-f', this.config, ...args], { env: this.env, timeoutMs });
  }

  async newSession(name, argv) {
    // The first session starts the server, as `tmux new -d` does; argv is run directly, not via a shell.
    await this.tmux(['new-session', '-d', '-s', name, '-c', this.folder, '-x', String(COLS), '-y', String(ROWS), '--', ...argv]);
    this.serverPid ??= Number((await this.tmux(['display-message', '-p', '#{pid}'])).trim());
  }

  /** A second pane beside the first in `session`'s window, running argv; the first pane keeps the focus. */
  async splitBeside(session, argv) {
    await this.tmux(['split-window', '-h', '-d', '-t', session, '-c', this.folder, '--', ...argv]);
  }

  /** The panes of `session`'s window in a grid, as grove's tiled layout shows sessions. */
  async tile(session) {
    await this.tmux(['select-layout', '-t', session, 'tiled']);
  }

  async type(name, text) {
    await this.tmux(['send-keys', '-t', name, '-l', text]);
    await this.tmux(['send-keys', '-t', name, 'Enter']);
  }

  paneText(name) {
    return this.tmux(['capture-pane', '-p', '-t', name]);
  }

  attach(options) {
    const client = new AttachedClient(TMUX, ['-S', this.socket, '-f', this.config, 'attach'], { env: this.env, cwd: this.folder, ...options });
    this.workspace.defer(() => client.close());
    return client;
  }

  serverPids() {
    return this.serverPid ? [this.serverPid] : [];
  }

  async stop() {
    if (!this.serverPid) return;
    const leftovers = descendants(this.serverPid);
    await this.tmux(['kill-server'], 5000).catch(() => {});
    for (let i = 0; i < 50 && isAlive(this.serverPid); i++) await sleep(20);
    killSurvivors([this.serverPid, ...leftovers]);
    this.serverPid = undefined;
  }
}

export async function tmuxVersion() {
  return (await exec(TMUX, ['-V'])).trim();
}
