/**
 * Other machines' grove servers, reached with OpenSSH, as pure rules: the ssh command lines, the quoting
 * of a command for the remote shell, how a remote session is named on this side, and how long to wait
 * before each reconnection.
 *
 * grove uses ssh as it is (its keys, agent, jump hosts, ControlMaster and ~/.ssh/config): the UI runs
 * `ssh DEST GROVE proxy`, whose standard input and output carry the same protocol as the local socket;
 * `grove --host DEST COMMAND` runs `ssh DEST GROVE COMMAND`. ssh hands the remote command to the remote
 * user's shell as one string, so every argument grove adds is quoted for a POSIX shell; GROVE, the
 * configured command that runs grove there (a path, or `env VAR=… grove`), is the user's own shell text.
 */

/** A remote server as the UI knows it: connected, trying to connect again, or not reachable (and why). */
export type HostState = 'connecting' | 'connected' | 'reconnecting' | 'unreachable';

/** Where a session lives when it is not on this machine: the host's name in the config, and its link's state. */
export interface SessionPlace {
  readonly name: string;
  readonly state: HostState;
  /** Why it is reconnecting or unreachable, in one line. */
  readonly reason?: string;
}

/** One line for a POSIX shell: the text as a single word, whatever it holds. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/u.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A folder for the remote shell: `~` and `~/…` stay the remote user's home, the rest is quoted. */
function quoteFolder(folder: string): string {
  if (folder === '~') return '~';
  if (folder.startsWith('~/')) return `~/${shellQuote(folder.slice(2))}`;
  return shellQuote(folder);
}

/** The remote shell's command: grove (as configured) with `args`, in `cwd` when given. */
export function remoteCommand(grove: string, args: readonly string[], cwd?: string): string {
  const run = [grove, ...args.map(shellQuote)].join(' ');
  return cwd === undefined ? run : `cd ${quoteFolder(cwd)} && ${run}`;
}

/**
 * ssh's arguments for a link the UI keeps open: no terminal and no escape character (the stream is the
 * protocol's bytes), never a question (a password prompt would wait on a screen grove owns: keys or an
 * agent must do), and keepalives, so a network that went away is noticed within about 30 s.
 */
export function linkArguments(destination: string, command: string): string[] {
  return ['-T', '-e', 'none', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-o', 'ServerAliveInterval=10', '-o', 'ServerAliveCountMax=3',
    '--', destination, command];
}

/** ssh's arguments for one command line run there: a terminal when this one has one, so questions can be answered. */
export function commandArguments(destination: string, command: string, terminal: boolean): string[] {
  return [terminal ? '-t' : '-T', '-o', 'LogLevel=ERROR', '--', destination, command];
}

/** Why `destination` cannot be given to ssh as one, or undefined when it can. */
export function destinationProblem(destination: string): string | undefined {
  if (destination === '' || destination.startsWith('-') || /\s/u.test(destination)) return `'${destination}' is not an ssh destination (user@host, or a ~/.ssh/config alias)`;
  return undefined;
}

/** The waits before reconnection attempts: 0.5 s, doubling, at most 10 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 10_000);
}

const SEPARATOR = '/';

/** How this side names a remote session: the host's name and the remote id (host names have no `/`). */
export function placedId(host: string, id: string): string {
  return `${host}${SEPARATOR}${id}`;
}

/** The host and remote id of an id placedId made, or undefined for a local id (ids grove makes have no `/`). */
export function splitPlacedId(id: string): { host: string; id: string } | undefined {
  const at = id.indexOf(SEPARATOR);
  return at < 0 ? undefined : { host: id.slice(0, at), id: id.slice(at + 1) };
}
