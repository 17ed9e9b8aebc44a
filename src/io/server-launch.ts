/**
 * How the server process is started: `node <flags> bin/grove.js server run`. Everything that starts a
 * server — the client that finds none (connect.ts), and the benchmark, which runs the same command to know
 * its pid — takes the command from here.
 *
 * The flags are the server's own, for a process that runs for days and serves keystrokes.
 * `--no-memory-reducer`: after each burst of allocation (sessions made, an agent's output), V8 otherwise
 * spends its next quiet seconds on full garbage collections to hand memory back. Measured after making 20
 * sessions: 150 ms of CPU in the following half-minute, in pauses of 20–60 ms that land on whatever
 * happens then (a keystroke's echo), to give back 13 MB. The collector still runs whenever the heap
 * grows; it only no longer runs for the sake of shrinking it.
 * Instead the server asks for one collection itself, once a burst is over and only if its heap grew by
 * it (io/native.ts).
 * `--expose-gc`: for that collection where the heap is large (an emulator thread's, with long scrollback):
 * there V8's shrinking collection pauses for hundreds of milliseconds, a plain one for tens.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--no-memory-reducer', '--expose-gc'];

/** The arguments for `process.execPath` that start a server from the grove at `bin`. */
export function serverArguments(bin: string): string[] {
  return [...SERVER_NODE_FLAGS, bin, 'server', 'run'];
}
