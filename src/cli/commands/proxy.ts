/**
 * `grove proxy`: what another machine's grove runs here through ssh (`ssh HOST grove proxy`). It joins its
 * standard input and output to this machine's server socket, starting the server when none runs, and
 * adds nothing: the bytes are the protocol, so this server talks to that UI exactly as to a local one,
 * and its sessions carry on when the link drops. Nothing new listens anywhere: ssh's login is the way in.
 */
import { connectSocket } from '../../io/server-socket.js';
import type { CliCommand } from '../command.js';

export const proxyCommand: CliCommand = {
  name: 'proxy',
  usage: 'grove proxy [--join]',
  summary: "For grove on another machine, through ssh: join standard input and output to this machine's server",
  // --join: only a server that runs (another machine's UI reconnecting after that server was stopped).
  options: { join: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run: async (args, context) => {
    const socket = await connectSocket(context.location, args.values.join !== true);
    return new Promise<number>((resolve) => {
      process.stdin.pipe(socket);
      socket.pipe(process.stdout);
      // Either end going away ends the other: the server sees the client leave, ssh sees the server close.
      process.stdin.once('end', () => socket.end());
      process.stdout.once('error', () => socket.destroy());
      socket.once('close', () => resolve(0));
      socket.once('error', () => resolve(1));
    });
  },
};
