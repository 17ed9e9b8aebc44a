/**
 * git through simple-git, behind the GitPort of the worktree engine.
 *
 * Every command is an argument array handed to `git.raw`, so no shell ever sees a branch or file name;
 * simple-git additionally refuses known-dangerous options (--upload-pack, -c core.sshCommand, …). Each
 * call gets a predictable environment: the caller's variables that point git at another repository (the
 * set `git rev-parse --local-env-vars` prints: a grove started from inside a git hook must not inherit its
 * GIT_DIR), EDITOR and PAGER are dropped, while those that say who and how (GIT_AUTHOR_*, GIT_COMMITTER_*,
 * GIT_SSH_COMMAND, GIT_CONFIG_GLOBAL, …) are kept, as a user's git keeps them; prompts are off so git fails
 * instead of waiting for a password, optional locks are off so read-only commands never write the index,
 * messages are in English (some are recognised by text), and printed paths are not octal-quoted.
 */
import { simpleGit, type SimpleGit } from 'simple-git';
import { gitReason, WorktreeRefusal } from '../core/git/refusal.js';
import type { GitPort, GitResult, GitRunOptions } from '../server/worktrees/ports.js';

/** Variables git would otherwise take from the caller; simple-git refuses to pass most of them anyway. */
const INHERITED_BUT_UNWANTED = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

/** `git rev-parse --local-env-vars` (git 2.39): what points git at a repository other than the one asked. */
const REPOSITORY_VARIABLES = new Set([
  'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_CONFIG', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_OBJECT_DIRECTORY',
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_IMPLICIT_WORK_TREE', 'GIT_GRAFT_FILE', 'GIT_INDEX_FILE', 'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE', 'GIT_PREFIX', 'GIT_INTERNAL_SUPER_PREFIX', 'GIT_SHALLOW_FILE', 'GIT_COMMON_DIR',
]);

/** Programs git would start for grove's calls (an editor, a pager, a password prompt, a diff tool): none wanted. */
const PROGRAM_VARIABLES = new Set([
  'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_PAGER', 'GIT_ASKPASS', 'GIT_EXEC_PATH', 'GIT_EXTERNAL_DIFF',
  'GIT_PROXY_COMMAND', 'GIT_TEMPLATE_DIR',
]);

/** GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n come with GIT_CONFIG_COUNT, and go with it. */
const CONFIG_PAIR = /^GIT_CONFIG_(KEY|VALUE)_\d+$/u;

const OWN_ENVIRONMENT = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  LC_ALL: 'C',
  LANGUAGE: 'C',
};

/** Options placed before every subcommand. */
const GLOBAL_ARGS = ['--no-pager', '-c', 'core.quotepath=off', '-c', 'color.ui=never'];

export interface SimpleGitPortOptions {
  /** The environment to start from (default process.env); see the file comment for what is removed. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kill a git process that has printed nothing for this long (default 120 s). */
  readonly silenceTimeoutMs?: number;
}

export class SimpleGitPort implements GitPort {
  private readonly env: Record<string, string>;
  private readonly silenceTimeoutMs: number;

  constructor(options: SimpleGitPortOptions = {}) {
    this.env = cleanEnvironment(options.env ?? process.env);
    this.silenceTimeoutMs = options.silenceTimeoutMs ?? 120_000;
  }

  async exec(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
    let finished: { exitCode: number; stdErr: Buffer[] } | undefined;
    let git: SimpleGit;
    try {
      git = simpleGit({
        baseDir: cwd,
        trimmed: false,
        // simple-git's guard refuses every GIT_* variable it is not told of; these came from the user's own
        // environment (never from a repository), so they pass, with the two settings they need.
        allowEnvironment: [...Object.keys(this.env), ...(options.indexFile ? ['GIT_INDEX_FILE'] : [])],
        unsafe: {
          allowUnsafeConfigPaths: 'GIT_CONFIG_GLOBAL' in this.env || 'GIT_CONFIG_SYSTEM' in this.env,
          allowUnsafeSshCommand: 'GIT_SSH_COMMAND' in this.env || 'GIT_SSH' in this.env,
        },
        timeout: { block: this.silenceTimeoutMs },
        // Exit codes are this port's business, not simple-git's: record them and let raw() resolve.
        errors(error, result) {
          finished = result;
          return result.exitCode >= 0 && result.exitCode < 256 ? undefined : error;
        },
      });
    } catch {
      throw new WorktreeRefusal('git-failed', `cannot run git in ${cwd}: no such folder`);
    }
    let stdout: string;
    try {
      const env = options.indexFile ? { ...this.env, GIT_INDEX_FILE: options.indexFile } : this.env;
      stdout = await git.env(env).raw([...GLOBAL_ARGS, ...args]);
    } catch (error) {
      throw new WorktreeRefusal(
        'git-failed',
        `git ${subcommand(args)}: ${firstLine(String((error as Error).message ?? error))}`,
      );
    }
    const exitCode = finished?.exitCode ?? 0;
    const stderr = finished ? Buffer.concat(finished.stdErr).toString('utf8') : '';
    if (!(options.okExitCodes ?? [0]).includes(exitCode)) {
      throw new WorktreeRefusal(
        'git-failed',
        `git ${subcommand(args)}: ${gitReason(`${stderr}\n${stdout}`) ?? `exited with status ${exitCode}`}`,
      );
    }
    return { stdout, stderr, exitCode };
  }

  async run(cwd: string, args: readonly string[]): Promise<string> {
    return (await this.exec(cwd, args)).stdout;
  }
}

function cleanEnvironment(source: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const lower = key.toLowerCase();
    if (value === undefined || REPOSITORY_VARIABLES.has(key) || CONFIG_PAIR.test(key) || INHERITED_BUT_UNWANTED.has(lower)) continue;
    if (PROGRAM_VARIABLES.has(key)) continue;
    if (lower === 'lc_all' || lower === 'language') continue;
    env[key] = value;
  }
  return { ...env, ...OWN_ENVIRONMENT };
}

/** "commit-tree" for ['-c', 'user.name=x', 'commit-tree', …]: the word a message should name. */
function subcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') i++;
    else if (!args[i]!.startsWith('-')) return args[i]!;
  }
  return '';
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.replace(/^Error:\s*/, '')
      .trim() ?? text
  );
}
