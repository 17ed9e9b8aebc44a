/**
 * git through simple-git, behind the GitPort of the worktree engine.
 *
 * Every command is an argument array handed to `git.raw`, so no shell ever sees a branch or file name;
 * simple-git additionally refuses known-dangerous options (--upload-pack, -c core.sshCommand, …). Each
 * call gets a predictable environment: the caller's GIT_* variables, EDITOR and PAGER are dropped (a
 * grove started from inside a git hook must not inherit its GIT_DIR), prompts are off so git fails
 * instead of waiting for a password, optional locks are off so read-only commands never write the index,
 * messages are in English (some are recognised by text), and printed paths are not octal-quoted.
 */
import { simpleGit, type SimpleGit } from 'simple-git';
import { gitReason, WorktreeRefusal } from '../core/git/refusal.js';
import type { GitPort, GitResult, GitRunOptions } from '../server/worktrees/ports.js';

/** Variables git would otherwise take from the caller; simple-git refuses to pass most of them anyway. */
const INHERITED_BUT_UNWANTED = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

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
        allowEnvironment: Object.keys(OWN_ENVIRONMENT),
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
      stdout = await git.env(this.env).raw([...GLOBAL_ARGS, ...args]);
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
    if (value === undefined || lower.startsWith('git') || INHERITED_BUT_UNWANTED.has(lower)) continue;
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
