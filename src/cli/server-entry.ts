/**
 * The server process's own entry. bin/grove.js runs it for exactly `grove server run`, the command
 * io/server-launch.ts starts a server with, so that a server loads the server's code and not the command
 * line's table, its help and the UI (neo-blessed and every view), which a server never draws. Measured
 * with one idle session: 7.5 MB less resident memory in the server. Typed by a user with more words
 * (`grove -L NAME server run`), the command goes through main.ts and runs the same server.
 */
import { socketLocation } from '../io/socket-path.js';
import { exitWith } from './exit.js';

export function main(): Promise<void> {
  // import(), as everywhere in the command line: the server's code is loaded by the process that runs it.
  return exitWith(async () => (await import('../server/main.js')).runServer(socketLocation(process.env, process.getuid?.() ?? 0)));
}
