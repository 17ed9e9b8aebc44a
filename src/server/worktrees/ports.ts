/**
 * What the worktree engine needs from the operating system: git, and a few file operations.
 *
 * The engine is written against these two small interfaces, so every rule in it runs the same against
 * the real adapters (src/io/git.ts, src/io/git-files.ts) and against a real repository in a test. The
 * git port takes an argument array — there is no shell anywhere between grove and git.
 */

export interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface GitRunOptions {
  /** Exit codes that are answers rather than failures (`git diff --quiet` says "changed" with 1). */
  readonly okExitCodes?: readonly number[];
  /** An index file of grove's own (GIT_INDEX_FILE), so a snapshot never touches the user's staging area. */
  readonly indexFile?: string;
}

export interface GitPort {
  /**
   * Runs `git <args>` in `cwd`. Resolves for exit codes in okExitCodes (default [0]); otherwise rejects
   * with a WorktreeRefusal('git-failed') whose message is git's own first error line.
   */
  exec(cwd: string, args: readonly string[], options?: GitRunOptions): Promise<GitResult>;
  /** exec() for the common case: the standard output of a command expected to succeed. */
  run(cwd: string, args: readonly string[]): Promise<string>;
}

/** File operations on worktrees and grove's worktree root (paths are absolute), and one question about processes. */
export interface WorktreeFiles {
  /** The path with symlinks resolved, or undefined if it does not exist. */
  realpath(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  isDirectory(path: string): Promise<boolean>;
  /** mkdir -p. */
  ensureDirectory(path: string): Promise<void>;
  /** Names of the entries of a folder ([] if it does not exist). */
  listDirectory(path: string): Promise<string[]>;
  /** Regular files below `dir`, as "/"-separated paths relative to it; symlinks are not followed. */
  listFilesBelow(dir: string): Promise<string[]>;
  /**
   * Copies a regular file to `path` inside the folder `into`, creating parent folders and keeping its mode;
   * never overwrites, and never goes through a symlink on the way (`'through-symlink'`): a branch whose
   * `cfg` is a link to /tmp/x must not make a copy of `cfg/.env` land in /tmp/x.
   */
  copyFile(from: string, into: string, path: string): Promise<'copied' | 'exists' | 'not-a-file' | 'through-symlink'>;
  /** Writes a new file `name` at the top of the folder `into`; never overwrites, never through a symlink. */
  writeNewFile(into: string, name: string, text: string): Promise<'written' | 'exists'>;
  /** Adds `line` to a text file (made, with its folder, when missing) unless a line of it already says it. */
  appendLineOnce(file: string, line: string): Promise<void>;
  /** Bytes the folder occupies on disk (allocated blocks, like du), symlinks not followed. */
  diskUsage(path: string): Promise<number>;
  /** Whether a process with this pid exists (on this machine), so a lock its server wrote still holds. */
  processExists(pid: number): boolean;
}

/** The files checkpoints keep besides their refs: each session's private index, in the checkout's git folder. */
export interface CheckpointFiles extends Pick<WorktreeFiles, 'exists'> {
  /** Removes one file grove made (gone already is fine); never a folder. */
  removeFile(path: string): Promise<void>;
  /** The size in bytes of a file (a symlink's own), or undefined if there is none. */
  size(path: string): Promise<number | undefined>;
}
