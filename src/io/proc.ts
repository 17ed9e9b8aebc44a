/**
 * What a terminal's foreground process is doing, read from Linux's /proc.
 *
 * The program grove starts in a pty is its session leader. Field 8 of /proc/<leader>/stat (`tpgid`) names
 * the process group that holds the terminal: the leader's own group while the program (or a shell at its
 * prompt) runs, another group when a shell has put a job in front. The group's leader then says whether it
 * is blocked reading the terminal: asleep, its wait channel (/proc/<pid>/wchan) the tty's read path —
 * `n_tty_read` on older kernels, the `wait_woken` it sleeps in on newer ones — and, where
 * /proc/<pid>/syscall can be read, really inside read(2) on a terminal: a writer stalled by flow control
 * sleeps in `wait_woken` too. A shell waiting at its line editor is not "reading": it sleeps in select or
 * poll, so `read -p` is told apart from a prompt.
 *
 * Everything is read afresh on each call and returned as plain data; off Linux, or when the process is
 * gone, the answer is undefined and detectors fall back on the screen alone. The server asks several
 * times a second while a session is busy, so the files are read into one buffer kept for the purpose
 * (readFileSync would allocate a fresh 8 KB for each of these files of a few dozen bytes).
 */
import { closeSync, openSync, readlinkSync, readSync } from 'node:fs';
import type { ForegroundSignal } from '../core/status/observation.js';

export interface ForegroundProcess extends ForegroundSignal {
  /** The foreground process group's id, which is also its leader's pid. */
  readonly pid: number;
  /** Its command name (/proc/<pid>/comm), '' if it could not be read. */
  readonly name: string;
  /** Its scheduler state: R running, S sleeping, D disk wait, T stopped, Z zombie… '' if unknown. */
  readonly state: string;
  /** The kernel function it sleeps in, '' if running or unknown. */
  readonly wchan: string;
}

/** Wait channels of a process asleep in a tty read. */
const TTY_READ_WCHANS = new Set(['n_tty_read', 'wait_woken', 'tty_read']);

/** read, pread64 and readv, by architecture: the numbers /proc/<pid>/syscall reports. */
const READ_SYSCALLS: Readonly<Record<string, readonly number[]>> = {
  x64: [0, 17, 19],
  arm64: [63, 65, 67],
};

export function readForeground(leaderPid: number, procRoot = '/proc'): ForegroundProcess | undefined {
  const leader = readStat(`${procRoot}/${leaderPid}/stat`);
  if (!leader || leader.tpgid <= 0) return undefined;
  const pid = leader.tpgid;
  const isProgram = pid === leader.pgrp;
  const stat = pid === leaderPid ? leader : readStat(`${procRoot}/${pid}/stat`);
  const state = stat?.state ?? '';
  const wchan = state === 'S' ? readText(`${procRoot}/${pid}/wchan`) : '';
  return {
    pid,
    name: readText(`${procRoot}/${pid}/comm`),
    state,
    wchan: wchan === '0' ? '' : wchan,
    isProgram,
    readingTerminal: state === 'S' && TTY_READ_WCHANS.has(wchan) && inTerminalRead(`${procRoot}/${pid}`, wchan),
  };
}

interface Stat {
  readonly state: string;
  readonly pgrp: number;
  readonly tpgid: number;
}

function readStat(path: string): Stat | undefined {
  const text = readText(path);
  // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  if (fields.length < 6) return undefined;
  return { state: fields[0]!, pgrp: Number(fields[2]), tpgid: Number(fields[5]) };
}

/** Confirms a tty-read wait channel with the syscall itself; trusts the channel name alone when it cannot. */
function inTerminalRead(processDir: string, wchan: string): boolean {
  const reads = READ_SYSCALLS[process.arch];
  const syscall = readText(`${processDir}/syscall`).split(' ');
  const number = Number(syscall[0]);
  if (!reads || syscall.length < 2 || !Number.isInteger(number)) return wchan === 'n_tty_read';
  if (!reads.includes(number)) return false;
  const fd = Number.parseInt(syscall[1]!, 16);
  return isTerminalPath(readLink(`${processDir}/fd/${fd}`));
}

function isTerminalPath(path: string): boolean {
  return path.startsWith('/dev/pts/') || path.startsWith('/dev/tty') || path === '/dev/console';
}

/** /proc/<pid>/stat is the longest file read here: a few hundred bytes, however long the command name. */
const scratch = Buffer.alloc(4096);

function readText(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const length = readSync(fd, scratch, 0, scratch.length, 0);
    return scratch.toString('utf8', 0, length).trim();
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readLink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
