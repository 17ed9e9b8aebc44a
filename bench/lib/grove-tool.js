/**
 * grove, driven the way a person drives it: `grove server run` in the background, sessions made with
 * `grove new`, typed into with `grove send`, and the UI attached in a pseudo-terminal.
 *
 * This and `TmuxTool` answer the same questions (start, add a session, type, read a pane, attach, pids,
 * stop), so every figure runs one code path for both. Each instance is its own server on its own socket
 * in a private temp folder, with its own state folder, so nothing touches the user's grove.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AttachedClient } from './client.js';
import { exec } from './exec.js';
import { descendants, isAlive, killSurvivors } from './proc.js';
import { sleep } from './stats.js';
import { benchEnv } from './workspace.js';

/** Which grove to run: this checkout's, unless GROVE_BIN names another build's `bin/grove.js`. */
export const GROVE_BIN = process.env.GROVE_BIN || fileURLToPath(new URL('../../bin/grove.js', import.meta.url));

function answers(socketPath) {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class GroveTool {
  static toolName = 'grove';
  name = 'grove';
  /** Keys that make the focused pane fill the client, as tmux's only pane does. */
  zoomKeys = '\x02z';
  /** Keys that switch to the layout showing every session side by side. */
  tileKeys = '\x02 ';

  /** `nodeArgs` go to the server's and the clients' node (bench/profile.js passes --cpu-prof); `serverNodeArgs`,
   *  when set before start(), replace them for the server. */
  constructor(workspace, { nodeArgs = [] } = {}) {
    this.workspace = workspace;
    this.nodeArgs = nodeArgs;
    this.folder = workspace.folder('grove-');
    const runFolder = join(this.folder, 'run');
    this.env = benchEnv({ GROVE_SOCKET: join(runFolder, 'grove.sock'), XDG_STATE_HOME: join(this.folder, 'state') });
    this.runFolder = runFolder;
  }

  async start() {
    mkdirSync(this.runFolder, { mode: 0o700 });
    const log = openSync(join(this.folder, 'server.out'), 'a');
    // Started by us rather than by the first `grove new`, so its pid is known; it is the same command, taken
    // from the grove being measured.
    const { serverArguments } = await import(pathToFileURL(join(GROVE_BIN, '../../dist/io/server-launch.js')).href);
    this.server = spawn(process.execPath, [...(this.serverNodeArgs ?? this.nodeArgs), ...serverArguments(GROVE_BIN)], {
      env: this.env,
      cwd: this.folder,
      detached: true,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.serverExited = new Promise((resolve) => this.server.once('exit', resolve));
    this.stopEarly = this.workspace.defer(() => this.stop());
    const deadline = Date.now() + 10_000;
    while (!(await answers(this.env.GROVE_SOCKET))) {
      if (Date.now() > deadline || !isAlive(this.server.pid)) throw new Error(`grove server did not start (see ${this.folder}/server.out)`);
      await sleep(20);
    }
  }

  cli(args, timeoutMs) {
    return exec(process.execPath, [GROVE_BIN, ...args], { env: this.env, timeoutMs });
  }

  async newSession(name, argv) {
    await this.cli(['new', '--name', name, '--cwd', this.folder, '--', ...argv]);
  }

  async type(name, text) {
    await this.cli(['send', name, text, '--enter']);
  }

  paneText(name) {
    return this.cli(['capture', name]);
  }

  /** The UI in this server's folder: grove lists the sessions of the folder (repository) it starts in. */
  attach(options) {
    const client = new AttachedClient(process.execPath, [...this.nodeArgs, GROVE_BIN], { env: this.env, cwd: this.folder, ...options });
    this.workspace.defer(() => client.close());
    return client;
  }

  serverPids() {
    return [this.server.pid];
  }

  async stop() {
    if (!this.server) return;
    const leftovers = descendants(this.server.pid);
    if (isAlive(this.server.pid)) {
      await this.cli(['server', 'stop'], 10_000).catch(() => {});
      await Promise.race([this.serverExited, sleep(5000)]);
    }
    killSurvivors([this.server.pid, ...leftovers]);
    await Promise.race([this.serverExited, sleep(1000)]);
    this.server = undefined;
  }
}
