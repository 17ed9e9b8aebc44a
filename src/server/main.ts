/**
 * The server process's start-up wiring (`grove server run`; io/server-socket.ts starts it when a client
 * finds none): the real adapters from src/io bound to the host, the review loop and the socket. Loaded
 * only in the server process.
 */
import { join } from 'node:path';
import { SimpleGitPort } from '../io/git.js';
import { nodeCheckpointFiles } from '../io/checkpoint-files.js';
import { groveVersion } from '../io/host-facts.js';
import { fsLaunchChecks } from '../io/launch-checks.js';
import { fileLogger } from '../io/log-file.js';
import { QuietMemoryRelease } from '../io/memory-release.js';
import { nodePtySpawner } from '../io/pty.js';
import { repositoryOf } from '../io/repository.js';
import { groveCommand, uid } from '../io/server-socket.js';
import { ensurePrivateFolder, serverStateFolder, type SocketLocation } from '../io/socket-path.js';
import { StateStore } from '../io/state-store.js';
import { coreCount, workerThreads } from '../io/threads.js';
import { watchFolder } from '../io/watch.js';
import { LocalSessionHost } from './local-host.js';
import { CheckpointService } from './checkpoints/checkpoint-service.js';
import { SessionMover } from './move/session-mover.js';
import { nodeConversationCarrier } from '../io/conversation-files.js';
import { nodeWorktreeFiles } from '../io/git-files.js';
import { ChangeService } from './review/change-service.js';
import { reviewServiceFor } from './review/wiring.js';
import { GroveServer } from './server.js';
import { loadServerSettings } from './settings.js';
import type { FromEmulator, ToEmulator } from '../core/screen/emulator-messages.js';

/** What an emulator thread runs: emulator-worker.ts, bundled (scripts/bundle.js), beside the bundle that starts it. */
const EMULATOR_WORKER = new URL('../../dist/bundle/emulator-worker.cjs', import.meta.url);

/** `grove server run`: the server process itself. Resolves when it has stopped. */
export async function runServer(location: SocketLocation): Promise<number> {
  ensurePrivateFolder(location.path, uid());
  const folder = serverStateFolder(process.env, location.name);
  const log = fileLogger(join(folder, 'server.log'));
  const store = new StateStore(folder, { onWriteError: (err) => log(`could not write the state file: ${err.message}`) });
  const { records, warning } = store.load();
  if (warning) log(warning);
  const settings = await loadServerSettings(process.env, folder, log);
  // Sessions get this server's socket, so `grove` typed in one — and an agent's hook — reaches it.
  const env = { ...process.env, GROVE_SOCKET: location.path };
  const emulatorThreads = { threads: workerThreads<FromEmulator, ToEmulator>(EMULATOR_WORKER), count: coreCount() };
  const memory = new QuietMemoryRelease();
  const host = new LocalSessionHost({
    spawner: nodePtySpawner, checks: fsLaunchChecks, env, hookCommand: groveCommand(), log, emulatorThreads, memory, ...settings,
  });
  host.restore(records.map(({ lastStatus: _status, branch: _branch, ...session }) => session));
  const review = reviewServiceFor(host, process.env, log);
  const git = new SimpleGitPort({ env: process.env });
  const changes = new ChangeService(host, git, watchFolder, log, repositoryOf);
  const checkpoints = new CheckpointService(host, git, nodeCheckpointFiles, log);
  const moves = new SessionMover({
    host, git, files: nodeWorktreeFiles, checkouts: checkpoints.checkouts, review, conversations: nodeConversationCarrier, log,
  });
  const server = new GroveServer({
    socketPath: location.path, host, store, log, review, changes, checkpoints, moves, notices: warning ? [warning] : [],
    groveVersion: groveVersion(), home: process.env.HOME,
  });
  await server.listen();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void server.stop());
  process.on('SIGHUP', () => log('ignored SIGHUP'));
  process.on('uncaughtException', (err) => log(`uncaught: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => log(`unhandled rejection: ${String(err)}`));
  await server.stopped;
  memory.dispose();
  return 0;
}
