/**
 * `grove server run`: the server process's own entry point (connect.ts starts it when a client finds
 * none). Loaded only in the server process.
 */
import { appendFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fsLaunchChecks } from '../io/launch-checks.js';
import { nodePtySpawner } from '../io/pty.js';
import { ensurePrivateFolder, stateFolder, type SocketLocation } from '../io/socket-path.js';
import { uid } from './connect.js';
import { LocalSessionHost } from '../server/local-host.js';
import { GroveServer } from '../server/server.js';
import { StateStore } from '../server/state-store.js';
import { reviewServiceFor } from './server-review.js';
import { SimpleGitPort } from '../io/git.js';
import { repositoryOf } from '../io/repository.js';
import { watchFolder } from '../io/watch.js';
import { ChangeService } from '../server/review/change-service.js';
import { loadServerSettings } from './server-settings.js';

/** `grove server run`: the server process itself. Resolves when it has stopped. */
export async function runServer(location: SocketLocation): Promise<number> {
  ensurePrivateFolder(location.path, uid());
  const folder = stateFolder(process.env, homedir(), location.name);
  const logPath = join(folder, 'server.log');
  const log = (line: string) => {
    try {
      appendFileSync(logPath, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
    } catch {
      /* logging must never take the server down */
    }
  };
  const store = new StateStore(folder, { onWriteError: (err) => log(`could not write the state file: ${err.message}`) });
  const { records, warning } = store.load();
  if (warning) log(warning);
  const settings = await loadServerSettings(process.env, folder, log);
  const host = new LocalSessionHost({ spawner: nodePtySpawner, checks: fsLaunchChecks, env: process.env, ...settings });
  host.restore(records.map(({ lastStatus: _status, branch: _branch, ...session }) => session));
  const review = reviewServiceFor(host, process.env, log);
  const changes = new ChangeService(host, new SimpleGitPort({ env: process.env }), watchFolder, log, repositoryOf);
  const server = new GroveServer({ socketPath: location.path, host, store, log, review, changes, notices: warning ? [warning] : [] });
  await server.listen();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void server.stop());
  process.on('SIGHUP', () => log('ignored SIGHUP'));
  process.on('uncaughtException', (err) => log(`uncaught: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => log(`unhandled rejection: ${String(err)}`));
  await server.stopped;
  return 0;
}
