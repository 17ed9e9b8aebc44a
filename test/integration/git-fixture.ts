/**
 * Real git repositories in temporary folders, for the worktree engine's integration tests.
 *
 * Each fixture gets its own temporary folder holding the repository (so grove's sibling worktree root,
 * "<repo>.worktrees", lands inside it too). The repository has a local identity and one commit on `main`.
 * The fixture drives git directly (execFileSync, argument arrays) to set scenes up; the code under test
 * goes through the engine and its real ports.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SimpleGitPort } from '../../src/io/git.js';
import { nodeWorktreeFiles } from '../../src/io/git-files.js';
import { WorktreeEngine, type WorktreeConfig } from '../../src/server/worktrees/index.js';

const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.toUpperCase().startsWith('GIT_')),
);

export function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', ['-c', 'protocol.file.allow=always', ...args], {
    cwd,
    env: { ...cleanEnv, LC_ALL: 'C' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The pid of a process that has exited: a grove server that is gone, as far as a lock naming it goes. */
export function deadPid(): number {
  const { pid } = spawnSync('true');
  if (pid === undefined) throw new Error('could not start true');
  return pid;
}

/** Like git(), for commands expected to fail: their exit status and stderr. */
export function gitFails(cwd: string, args: readonly string[]): { status: number; stderr: string } {
  try {
    git(cwd, args);
  } catch (error) {
    const failure = error as { status: number; stderr: string };
    return { status: failure.status, stderr: String(failure.stderr) };
  }
  throw new Error(`git ${args.join(' ')} unexpectedly succeeded`);
}

export class GitFixture {
  /** The temporary folder holding everything. */
  readonly home: string;
  /** The repository's main checkout (real path). */
  readonly repo: string;

  private constructor(home: string, repoName: string) {
    this.home = home;
    this.repo = join(home, repoName);
  }

  /** A repository with one commit (README.md) on main. `repoName` may contain spaces or non-ASCII. */
  static create(repoName = 'repo', options: { commit?: boolean } = {}): GitFixture {
    const fixture = new GitFixture(realpathSync(mkdtempSync(join(tmpdir(), 'grove-git-'))), repoName);
    mkdirSync(fixture.repo);
    fixture.git(['init', '-q', '-b', 'main']);
    fixture.git(['config', 'user.name', 'Grove Test']);
    fixture.git(['config', 'user.email', 'test@grove.invalid']);
    fixture.git(['config', 'commit.gpgsign', 'false']);
    if (options.commit !== false) fixture.commit('initial', { 'README.md': 'hello\n' });
    return fixture;
  }

  git(args: readonly string[], cwd = this.repo): string {
    return git(cwd, args);
  }

  path(relative: string): string {
    return join(this.repo, relative);
  }

  write(relative: string, content: string | Buffer, base = this.repo): void {
    const full = join(base, relative);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }

  read(relative: string, base = this.repo): string {
    return readFileSync(join(base, relative), 'utf8');
  }

  /** Writes the files, stages everything and commits; returns the new sha. */
  commit(message: string, files: Record<string, string> = {}, cwd = this.repo): string {
    for (const [path, content] of Object.entries(files)) this.write(path, content, cwd);
    this.git(['add', '-A'], cwd);
    this.git(['commit', '-q', '--allow-empty', '-m', message], cwd);
    return this.head(cwd);
  }

  head(cwd = this.repo): string {
    return this.git(['rev-parse', 'HEAD'], cwd).trim();
  }

  engine(config: WorktreeConfig = {}): WorktreeEngine {
    return new WorktreeEngine({ git: new SimpleGitPort(), files: nodeWorktreeFiles }, config);
  }

  dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** Every file below `dir` (except .git) with its bytes, for "exactly as before" comparisons. */
export function snapshotFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const name of readdirSync(join(dir, relative))) {
      if (relative === '' && name === '.git') continue;
      const path = relative ? `${relative}/${name}` : name;
      const full = join(dir, path);
      if (statSync(full).isDirectory()) walk(path);
      else files.set(path, readFileSync(full).toString('base64'));
    }
  };
  walk('');
  return files;
}
