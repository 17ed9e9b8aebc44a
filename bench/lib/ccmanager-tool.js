/**
 * ccmanager (https://github.com/kbwo/ccmanager), the peer a user of this field would pick instead of grove:
 * TypeScript on node-pty and @xterm/headless like grove, but one process — its menu, its sessions and
 * their emulators — with no server, so its sessions end when it does. Driven the way a person drives it.
 *
 * Its sessions run a command preset in a git worktree, one session per worktree, started from its menu.
 * So each session here is a worktree whose branch is named after it (`NAME.wt`, so no name is a prefix of
 * another in its search), holding a `.bench-session` script with the argv to run; the one preset,
 * `bash .bench-session`, runs it. Sessions made before the client starts are opened from the menu as it
 * starts (the first made last, so it is the one shown); one made later is opened at once (Ctrl+E back to
 * the menu, `/` and its name, Enter). ccmanager keeps its configuration under $HOME, so it gets a home
 * of its own here.
 *
 * The binary is ccmanager's own (a Bun build, what `npm install -g ccmanager` runs through its wrapper),
 * installed once into ~/.cache/grove-bench, or taken from $CCMANAGER_BIN.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AttachedClient } from './client.js';
import { exec } from './exec.js';
import { descendants, killSurvivors } from './proc.js';
import { showsPrompt } from './scenario.js';
import { benchEnv } from './workspace.js';

/** The platform binary of the npm package: the wrapper 4.2.3 runs this build. */
export const CCMANAGER_VERSION = '4.4.3';
const PACKAGE = `@kodaikabasawa/ccmanager-${process.platform}-${process.arch}`;
const CACHE = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'grove-bench', `ccmanager-${CCMANAGER_VERSION}`);
const RETURN_TO_MENU = '\x05';
const showsMenu = (lines) => lines.some((line) => line.includes('Select a worktree'));

/** The binary to run, installing it first if need be; rejects with why it cannot be had. */
export async function ccmanagerBinary() {
  if (process.env.CCMANAGER_BIN) return process.env.CCMANAGER_BIN;
  const binary = join(CACHE, 'node_modules', PACKAGE, 'bin', 'ccmanager');
  if (!existsSync(binary)) {
    mkdirSync(CACHE, { recursive: true });
    await exec('npm', ['install', '--prefix', CACHE, '--no-audit', '--no-fund', '--loglevel=error', `${PACKAGE}@${CCMANAGER_VERSION}`], { timeoutMs: 300_000 });
  }
  return binary;
}

export class CcmanagerTool {
  static toolName = 'ccmanager';
  /** Figures it has no part in, and why (the table says so). */
  static notMeasured = {
    attach: 'no server: its sessions end with its process, so there is nothing to attach to',
    remote: 'no remote sessions',
    'throughput-4': 'it shows one session at a time',
  };
  /** It shows one session at a time: a flood can only run in another, unseen. */
  static floodUnseen = true;
  name = 'ccmanager';
  zoomKeys = '';
  /** A session has the whole terminal: ccmanager draws nothing around it. */
  paneRows = 40;

  /** Its first screen is its menu: before one is opened from it, it has no session to show. */
  completeScreen = showsMenu;

  constructor(workspace) {
    this.workspace = workspace;
    this.folder = workspace.folder('ccmanager-');
    this.repo = join(this.folder, 'repo');
    this.home = join(this.folder, 'home');
    this.env = benchEnv({ HOME: this.home });
    this.sessions = [];
    this.steps = Promise.resolve();
  }

  async start() {
    this.binary = await ccmanagerBinary();
    const config = join(this.home, '.config', 'ccmanager');
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'config.json'), JSON.stringify({
      commandPresets: { presets: [{ id: 'bench', name: 'bench', command: 'bash', args: ['.bench-session'] }], defaultPresetId: 'bench' },
    }));
    mkdirSync(this.repo);
    await this.git(['init', '-q', '-b', 'bench']);
    await this.git(['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-q', '--allow-empty', '-m', 'bench']);
    writeFileSync(join(this.repo, '.git', 'info', 'exclude'), '.bench-session\n');
    this.stopEarly = this.workspace.defer(() => this.stop());
  }

  git(args) {
    return exec('git', ['-C', this.repo, ...args], { env: this.env });
  }

  /** A worktree for the session (the checkout itself for the first), opened at once if ccmanager is running. */
  newSession(name, argv) {
    // One at a time: git refuses two `worktree add` at once, and ccmanager's menu takes one opening at a time.
    return this.serially(() => this.makeSession(name, argv));
  }

  async makeSession(name, argv) {
    const branch = `${name}.wt`;
    const path = this.sessions.length === 0 ? this.repo : join(this.folder, branch);
    if (path === this.repo) await this.git(['branch', '-m', branch]);
    else await this.git(['worktree', 'add', '-q', '-b', branch, path]);
    // ccmanager does not hand its own environment's PS1 on to the program; the other tools' shells get '$ '.
    writeFileSync(join(path, '.bench-session'), `export PS1='$ '\nexec ${argv.map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ')}\n`);
    this.sessions.push(branch);
    if (this.client) await this.open(branch);
  }

  /** ccmanager itself, at its menu. */
  attach(options) {
    const client = new AttachedClient(this.binary, [], { env: this.env, cwd: this.repo, detachKeys: '', ...options });
    this.workspace.defer(() => client.close());
    return client;
  }

  /** ccmanager with its sessions opened, the first made shown; resolves once its prompt is. */
  async attachOpened(options) {
    const client = this.attach(options);
    await client.waitForScreen(showsMenu, 15_000, "ccmanager's menu");
    this.client = client;
    for (const branch of [...this.sessions].reverse()) await this.serially(() => this.open(branch));
    // Now and then ccmanager shows a session blank: the shell's first output came before the view did. Enter
    // brings a prompt, as it would for a person.
    await client.waitForScreen(showsPrompt, 3000, 'a prompt').catch(async () => {
      client.write('\r');
      await client.waitForScreen(showsPrompt, 15_000, `the session of ${this.sessions[0]} at its prompt`);
    });
    return client;
  }

  serially(step) {
    const next = this.steps.then(step);
    this.steps = next.catch(() => {});
    return next;
  }

  async open(branch) {
    const { client } = this;
    await this.pressUntil(RETURN_TO_MENU, showsMenu, "ccmanager's menu");
    // A key at a time, each once the menu shows it took the last: Ink reads a burst as one input, and with
    // many sessions it now and then drops a key; then the search is left (Escape) and typed again.
    const searching = (lines) => lines.some((line) => line.startsWith('Search:'));
    const typed = (lines) => lines.some((line) => line.startsWith(`Search: ${branch}`));
    const found = (lines) => lines.some((line) => line.includes(`Filtered: "${branch}"`));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.pressUntil('/', searching, "ccmanager's search");
        client.write(branch);
        await client.waitForScreen(typed, 3000, `${branch} typed into the search`);
        await this.pressUntil('\r', found, `${branch} found in the menu`);
        break;
      } catch (err) {
        if (attempt === 5) throw err;
        client.write('\x1b');
        await client.waitForScreen((lines) => showsMenu(lines) && !searching(lines) && !found(lines), 3000, 'the menu out of its search').catch(() => {});
      }
    }
    await this.pressUntil('\r', (lines) => !showsMenu(lines), `the session of ${branch}`);
  }

  /** Presses `key` until `shown` holds: a key that comes as ccmanager's view is still settling is now and then not taken. */
  async pressUntil(key, shown, label) {
    for (let attempt = 1; !shown(this.client.screenLines()); attempt++) {
      this.client.write(key);
      await this.client.waitForScreen(shown, 3000, label).catch((err) => {
        if (attempt === 5) throw err;
      });
    }
  }

  serverPids() {
    return [];
  }

  async stop() {
    if (!this.client) return;
    const shells = descendants(this.client.pid);
    await this.client.close();
    killSurvivors(shells);
    this.client = undefined;
  }
}
