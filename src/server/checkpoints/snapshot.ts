/**
 * The git side of checkpoints (core/checkpoints/checkpoint.ts): snapshots of a checkout's files as
 * commits no branch points at, their refs, and putting files back from one.
 *
 * Nothing here touches the user's index, HEAD, branches or stash. A snapshot stages the checkout into an
 * index file of grove's own beside git's (`git add -A` there: untracked files in, ignored ones and very
 * large new ones out), seeded once from the user's index so only changed files are read again, and kept
 * per session for the next turn; `write-tree` and `commit-tree` make the commit. Files are put back with
 * `git restore --worktree` against that same private index, which writes the working tree only.
 */
import { WorktreeRefusal } from '../../core/git/refusal.js';
import type { Checkpoint, CheckpointMeta } from '../../core/checkpoints/checkpoint.js';
import { checkpointMessage, parseCheckpointMessage } from '../../core/checkpoints/checkpoint-message.js';
import type { CheckpointFiles, GitPort } from '../worktrees/ports.js';

/** Who a checkpoint commit is by when git knows no identity: these commits are grove's, never on a branch. */
const FALLBACK_IDENTITY = ['-c', 'user.name=grove', '-c', 'user.email=grove@localhost'];
const RECORD_END = '\x01\x02';
/** A new file larger than this stays out of snapshots (tooBig). */
export const MAX_NEW_FILE_BYTES = 64 * 1024 * 1024;
/** How many such files one snapshot names to git (each is an argument). */
const MAX_LEFT_OUT = 1000;

/** A checkpoint as stored: with the ref that holds it. */
export interface StoredCheckpoint extends Checkpoint {
  readonly ref: string;
}

export class CheckpointGit {
  constructor(
    private readonly git: GitPort,
    private readonly files: CheckpointFiles,
    /** The checkout's top folder. */
    readonly top: string,
  ) {}

  /** The checkout holding `folder`, or undefined outside git. */
  static async find(git: GitPort, files: CheckpointFiles, folder: string): Promise<CheckpointGit | undefined> {
    const top = await git.exec(folder, ['rev-parse', '--show-toplevel'], { okExitCodes: [0, 128] }).catch(() => undefined);
    const path = top?.exitCode === 0 ? top.stdout.trim() : '';
    return path ? new CheckpointGit(git, files, path) : undefined;
  }

  /** The checkout's files now (tracked and untracked, not ignored), as a tree; the private index holds them after. */
  async snapshot(indexName: string): Promise<string> {
    const indexFile = await this.privateIndex(indexName);
    const leftOut = (await this.tooBig(indexFile)).map((path) => `:(exclude,literal)${path}`);
    await this.git.exec(this.top, ['add', '-A', '--', '.', ...leftOut], { indexFile });
    return (await this.git.exec(this.top, ['write-tree'], { indexFile })).stdout.trim();
  }

  /**
   * New files (not in the private index, not ignored) over MAX_NEW_FILE_BYTES: a model download or a
   * database dump an agent leaves in the checkout would be copied into the object store at every turn.
   * They stay out of snapshots, so no checkpoint counts them and no undo touches them.
   */
  private async tooBig(indexFile: string): Promise<string[]> {
    const listed = await this.git.exec(this.top, ['ls-files', '--others', '--exclude-standard', '-z'], { indexFile });
    const paths = listed.stdout.split('\0').filter(Boolean);
    const sizes = await Promise.all(paths.map((path) => this.files.size(`${this.top}/${path}`)));
    return paths.filter((_, i) => (sizes[i] ?? 0) > MAX_NEW_FILE_BYTES).slice(0, MAX_LEFT_OUT);
  }

  /** A commit of `tree` on `parent`, which no ref holds until a checkpoint's does. */
  async commit(tree: string, message: string, parent?: string): Promise<string> {
    const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message];
    const made = await this.git.exec(this.top, args).catch(async (error: Error) => {
      if (!(error instanceof WorktreeRefusal) || !/identity|email|name/iu.test(error.message)) throw error;
      return this.git.exec(this.top, [...FALLBACK_IDENTITY, ...args]);
    });
    return made.stdout.trim();
  }

  /** A checkpoint: `tree` on `parent` (the files before), with its facts, under `ref`. */
  async record(tree: string, parent: string, meta: CheckpointMeta, ref: string): Promise<string> {
    const commit = await this.commit(tree, checkpointMessage(meta), parent);
    await this.git.run(this.top, ['update-ref', ref, commit]);
    return commit;
  }

  /** Files that differ between two commits, optionally only among `paths`. */
  async changed(from: string, to: string, paths?: readonly string[]): Promise<string[]> {
    if (paths && !paths.length) return [];
    const out = await this.git.run(this.top, ['--literal-pathspecs', 'diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', from, to, '--', ...(paths ?? [])]);
    return out.split('\0').filter(Boolean);
  }

  /** Puts `paths` in the working tree back as `source` has them (removing those it lacks); the private index must hold the files now. */
  async restore(indexName: string, source: string, paths: readonly string[]): Promise<void> {
    if (!paths.length) return;
    const indexFile = await this.privateIndex(indexName);
    await this.git.exec(this.top, ['--literal-pathspecs', 'restore', `--source=${source}`, '--worktree', '--', ...paths], { indexFile });
  }

  /** Which of `paths` `commit` holds. */
  async holds(commit: string, paths: readonly string[]): Promise<Set<string>> {
    if (!paths.length) return new Set();
    const out = await this.git.run(this.top, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--name-only', commit, '--', ...paths]);
    return new Set(out.split('\0').filter(Boolean));
  }

  /** What the checkout has checked out: its branch's name, or the commit when HEAD is detached. */
  async head(): Promise<string> {
    const branch = await this.git.exec(this.top, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { okExitCodes: [0, 1, 128] });
    if (branch.exitCode === 0) return branch.stdout.trim();
    return (await this.git.run(this.top, ['rev-parse', '--verify', 'HEAD'])).trim();
  }

  /** Every checkpoint under a ref folder, oldest first. */
  async list(folder: string): Promise<StoredCheckpoint[]> {
    const out = await this.git.run(this.top, ['for-each-ref', `--format=%(refname)%00%(objectname)%00%(parent)%00%(contents)${'%01%02'}`, folder]);
    const found: StoredCheckpoint[] = [];
    for (const record of out.split(RECORD_END)) {
      const [ref, commit, before, message] = record.replace(/^\n/u, '').split('\0');
      const meta = message === undefined ? undefined : parseCheckpointMessage(message);
      if (meta && ref && commit && before) found.push({ ...meta, ref, commit, before: before.split(' ')[0]! });
    }
    return found.sort((a, b) => a.turn - b.turn);
  }

  async deleteRef(ref: string): Promise<void> {
    await this.git.run(this.top, ['update-ref', '-d', ref]);
  }

  /** Removes a session's private index once it has ended. */
  async dropIndex(name: string): Promise<void> {
    await this.files.removeFile(await this.indexPath(name));
  }

  /**
   * grove's own index file for a session, in the checkout's git folder. Made the first time from the
   * user's index (read, never written), whose cached file stats spare `git add` re-reading every file.
   */
  private async privateIndex(name: string): Promise<string> {
    const path = await this.indexPath(name);
    if (await this.files.exists(path)) return path;
    const head = await this.git.exec(this.top, ['rev-parse', '--verify', '--quiet', 'HEAD'], { okExitCodes: [0, 1] });
    if (head.exitCode === 0) await this.git.run(this.top, ['read-tree', '-m', `--index-output=${path}`, 'HEAD']);
    return path;
  }

  private async indexPath(name: string): Promise<string> {
    return (await this.git.run(this.top, ['rev-parse', '--path-format=absolute', '--git-path', `grove-${name}.index`])).trim();
  }
}
