/**
 * The command-line table's row: one `grove <name>` command, declared like tmux's cmd entries — its
 * name, usage line, one-line summary, options (node's util.parseArgs format) and how many positional
 * arguments it takes — plus `run`. main.ts parses arguments against the row before `run` sees them, so
 * every command gets `--help`, unknown-option errors and argument-count errors the same way.
 */
import type { ParseArgsConfig } from 'node:util';
import type { RemoteHost } from '../client/remote-host.js';
import type { SocketLocation } from '../io/socket-path.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
  /** Everything after `--`, untouched (a command and its arguments). */
  readonly rest: readonly string[];
}

export interface CliContext {
  readonly location: SocketLocation;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Prints to stdout, through the one sanitiser (core/text/terminal-text.ts): repository and agent text ends up here. */
  out(text: string): void;
  /** Prints exactly these bytes: only for output whose promise is to be exact (the paste buffer, capture --ansi). */
  outExact(text: string): void;
  /** Connects to the server, starting it if `start` and none runs. */
  connect(start: boolean): Promise<RemoteHost>;
}

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: OptionSpec;
  readonly positionals: { readonly min: number; readonly max: number };
  /** Whether arguments after `--` are accepted. */
  readonly takesRest?: boolean;
  /** It draws the whole screen, so the server's notices are shown there rather than printed first. */
  readonly drawsScreen?: boolean;
  run(args: ParsedArgs, context: CliContext): Promise<number>;
}

/** A mistake in how the command was called: printed as one line, exit status 2. */
export class UsageError extends Error {}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
