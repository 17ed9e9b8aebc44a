/**
 * Small facts about this machine the command line reports or reads: grove's own version, git's, whether
 * a terminfo entry exists, and a text file's contents.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** grove's version, from its package.json. */
export function groveVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** `git --version`, or undefined when git cannot be run. */
export function gitVersion(): string | undefined {
  try {
    return execFileSync('git', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Whether a terminfo entry for `term` exists where ncurses looks. */
export function hasTerminfo(term: string, env: NodeJS.ProcessEnv): boolean {
  const first = term[0]!;
  const hex = first.charCodeAt(0).toString(16);
  const dirs = [env.TERMINFO, `${env.HOME}/.terminfo`, '/etc/terminfo', '/lib/terminfo', '/usr/share/terminfo', '/usr/lib/terminfo'];
  return dirs.some((dir) => dir && (existsSync(`${dir}/${first}/${term}`) || existsSync(`${dir}/${hex}/${term}`)));
}

/** A text file's contents; rejects with the file system's error code ("ENOENT") as the message. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Said as people say it: "no such file", not ENOENT.
    const words: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder' };
    throw new Error((code && words[code]) ?? code ?? (err as Error).message);
  }
}
