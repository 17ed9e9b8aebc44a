/**
 * Connecting the command line to the server: the socket (io/server-socket.ts, which starts a server when
 * there is none and it may), then the handshake, which hands over this command's environment for the
 * sessions it starts.
 */
import { RemoteHost } from '../client/remote-host.js';
import { groveVersion } from '../io/host-facts.js';
import { connectSocket } from '../io/server-socket.js';
import type { SocketLocation } from '../io/socket-path.js';

export interface ConnectOptions {
  /** Start a server when none is running (the UI and `grove new` do; `grove ls` does not). */
  readonly start: boolean;
  readonly cwd: string;
  /** The environment the sessions this client starts run with (the command line's own). */
  readonly env: NodeJS.ProcessEnv;
}

export async function connectToServer(location: SocketLocation, options: ConnectOptions): Promise<RemoteHost> {
  const socket = await connectSocket(location, options.start);
  const env = Object.fromEntries(Object.entries(options.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return RemoteHost.handshake(socket, { cwd: options.cwd, env, grove: groveVersion() });
}
