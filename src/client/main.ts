/**
 * The UI in this terminal, as a client of the grove server (started if none runs).
 *
 * However grove leaves — detach, a signal (SIGINT, SIGTERM, SIGHUP when an SSH connection drops), an
 * uncaught error, the server going away — the user's terminal is restored (cooked mode, main screen,
 * cursor visible) and the connection is closed. Sessions belong to the server, so none of this ends them.
 * This is the client's start-up wiring; `grove attach` (src/cli) parses the arguments and calls it.
 */
import { findCommand } from '../core/commands/registry.js';
import { formatConfigError } from '../core/config/errors.js';
import { GroveApp } from './app.js';
import { SERVER_EXITED } from './remote-host.js';
import { findTarget, listedSessions } from '../core/session/targets.js';
import { localeIsUtf8 } from '../core/text/ascii-fallback.js';
import { RemotePasteBuffer } from './remote-paste-buffer.js';
import { RemoteCheckpoints } from './review/remote-checkpoints.js';
import { RemoteReview } from './review/remote-review.js';
import { QuietMemoryRelease } from '../io/memory-release.js';
import { uid } from '../io/server-socket.js';
import { repositoryOf } from '../io/repository.js';
import { fsLaunchChecks } from '../io/launch-checks.js';
import { openScreen } from '../io/screen.js';
import type { RemoteHost } from './remote-host.js';
import { loadUiConfig } from './ui-config.js';
import { HostLink } from './hosts/host-link.js';
import { HostSet } from './hosts/host-set.js';
import { routedCheckpoints, routedPasteBuffer, routedReview } from './hosts/routed-ports.js';
import { sshConnector } from './hosts/ssh-connector.js';
import { groveVersion, readTextFile } from '../io/host-facts.js';
import { fanOut } from './fanout.js';
import { resolve as resolvePath } from 'node:path';
import { terminalText } from '../core/text/terminal-text.js';

/** Why this terminal can't run the UI, or undefined when it can. */
export function terminalProblem(env: NodeJS.ProcessEnv, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): string | undefined {
  if (!stdin.isTTY || !stdout.isTTY) return 'not a terminal: the grove UI needs a terminal on stdin and stdout';
  if (!env.TERM) return 'TERM is not set: set it to your terminal type, e.g. TERM=xterm-256color';
  if (env.TERM === 'dumb') return "TERM is 'dumb': grove needs a terminal that can move the cursor (e.g. TERM=xterm-256color)";
  if (env.GROVE_SESSION) return 'already inside a grove session: nesting would show grove inside itself (unset GROVE_SESSION to force)';
  return undefined;
}

/** What the UI starts from: the folder and environment it was started in, and how to reach the server. */
export interface ClientStart {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Connects to the server, starting it if `start` and none runs. */
  connect(start: boolean): Promise<RemoteHost>;
}

/** The UI, until the user leaves; its exit status. The caller checks terminalProblem() first. */
export async function runTui(context: ClientStart, focusTarget?: string): Promise<number> {
  // A running server answers while the config is read; one is started only once the config is good.
  const connecting = context.connect(false);
  connecting.catch(() => undefined);
  // Before the screen: a config with any problem stops grove here, each problem one line.
  const config = await loadUiConfig(context.env, context.cwd);
  if (!config.ok) {
    process.stderr.write(terminalText(config.errors.map((error) => `${formatConfigError(error)}\n`).join('')));
    await connecting.then((host) => host.dispose(), () => undefined);
    return 1;
  }
  const { keymap, palette, depth, warning, mouse, notify, agents, hosts } = config.value;
  for (const row of keymap.rows()) {
    // Copy-mode rows were checked against the copy actions when the keymap was built.
    if (row.table !== 'copy-mode-vi' && !findCommand(row.command)) throw new Error(`key ${row.key} is bound to unknown command ${row.command}`);
  }
  // Other machines' sessions join this one's in the sidebar, each through its own ssh link, started now:
  // ssh and the other grove's start overlap this one's.
  const version = groveVersion();
  const links = Object.entries(hosts).map(([name, config]) => new HostLink(name, sshConnector(name, config, context.env, version)));
  links.forEach((link) => link.start());
  const host = await connecting.catch(() => context.connect(true)).catch((err: Error) => {
    links.forEach((link) => link.dispose());
    throw err;
  });
  const initial = await host.listed;
  const repo = repositoryOf(context.cwd);
  // Named: found as every command finds it. Not named: the session last focused, as tmux attaches to the
  // most recent session, if it is one this repository's UI lists.
  const named = focusTarget === undefined ? undefined : findTarget(initial, listedSessions(initial, repo), focusTarget);
  if (typeof named === 'string') {
    links.forEach((link) => link.dispose());
    await host.dispose();
    throw new Error(named);
  }
  const last = initial.find((s) => s.id === host.lastFocus && s.repo === repo);
  const focusId = (named ?? last)?.id;

  const all = new HostSet(host, links, hosts);

  const resolveHere = (command: string) => fsLaunchChecks.resolveCommand(command, context.cwd, context.env.PATH);
  const screen = openScreen({ output: process.stdout, colorDepth: depth, term: context.env.TERM, ascii: !localeIsUtf8(context.env) });
  let app: GroveApp | undefined;
  const memory = new QuietMemoryRelease();
  return new Promise<number>((resolve) => {
    let left = false;
    const leave = (code: number, message?: string) => {
      if (left) return;
      left = true;
      try {
        app?.dispose();
      } finally {
        memory.dispose();
        screen.destroy();
      }
      if (message) process.stderr.write(`${terminalText(message)}\n`);
      void all.dispose().then(() => resolve(code));
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => leave(0));
    process.once('uncaughtException', (err) => leave(1, `grove: ${err.stack ?? err.message}`));
    process.once('unhandledRejection', (err) => leave(1, `grove: ${String(err)}`));
    void host.closed.then((reason) => {
      // As tmux says: "[detached (from session …)]", "[server exited]"; anything else is an error.
      if (reason === 'detached') return leave(0);
      leave(reason === SERVER_EXITED ? 0 : 1, reason === SERVER_EXITED ? `[${SERVER_EXITED}]` : `[grove: ${reason}]`);
    });
    try {
      app = new GroveApp({
        host: all,
        ...(links.length ? { machines: all } : {}),
        screen,
        stdin: process.stdin,
        keymap,
        palette,
        cwd: context.cwd,
        repo,
        shell: context.env.SHELL || '/bin/sh',
        agents: {
          catalog: agents,
          resolveCommand: resolveHere,
          user: { root: uid() === 0, env: context.env },
        },
        home: context.env.HOME,
        onDetach: (session) => leave(0, `[detached${session ? ` (from session ${session.name})` : ''}]`),
        review: routedReview(all, new RemoteReview(host)),
        checkpoints: routedCheckpoints(all, new RemoteCheckpoints(host)),
        pasteBuffer: routedPasteBuffer(all, new RemotePasteBuffer(host)),
        conflicts: (folder) => host.request('conflicts', { cwd: folder }),
        fanout: {
          run: (input) => fanOut({ catalog: agents, resolveCommand: resolveHere, create: (request) => all.create(request) }, input),
          readPlan: (path) => readTextFile(resolvePath(context.cwd, path)),
        },
        notify,
        mouse,
        memory,
      });
      const target = initial.find((s) => s.id === focusId);
      if (target && target.repo !== repo) app.setShowAll(true);
      if (target) app.focus(target.id);
      // As tmux starts a session when it has none, grove starts one in a repository that has none.
      if (!initial.some((s) => s.repo === repo)) void app.createDefaultSession();
      const notices = [warning, ...host.notices].filter(Boolean);
      // The offer asks first; the notices follow its answer (StatusNotice keeps them till then).
      app.offerRelaunch();
      if (notices.length) app.message(notices.join('; '));
    } catch (err) {
      leave(1, `grove: ${(err as Error).message}`);
    }
  });
}
