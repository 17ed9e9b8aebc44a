/**
 * What the kernel says about a process: resident memory, CPU time, children — read from /proc.
 *
 * The benchmark charges each tool for its own processes only (server and client), never for the shells
 * inside its sessions, so both tools are measured over the same set of programs they wrote themselves.
 * Every function tolerates a process that has just gone away: it counts as zero, or as absent.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Seconds per clock tick; Linux fixes USER_HZ at 100 for /proc/<pid>/stat. */
const TICK_SECONDS = 0.01;

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** The fields after the command name in /proc/<pid>/stat (the name may hold spaces and parentheses). */
function statFields(pid) {
  const stat = readOr(`/proc/${pid}/stat`, '');
  const close = stat.lastIndexOf(')');
  return close < 0 ? undefined : stat.slice(close + 2).split(' ');
}

export const MB = 1024 * 1024;

/** Resident set size in bytes (VmRSS), 0 when the process is gone. */
export function residentBytes(pid) {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readOr(`/proc/${pid}/status`, ''));
  return match ? Number(match[1]) * 1024 : 0;
}

/** The resident memory of these processes together, in MB. */
export const residentMB = (pids) => pids.reduce((sum, pid) => sum + residentBytes(pid), 0) / MB;

/**
 * Proportional set size in bytes (Pss, /proc/<pid>/smaps_rollup): resident memory with each page shared
 * by several processes divided among them — a tool whose server and client are the same program (two Node
 * processes; tmux's two) shares that program's pages between them, and resident memory counts them twice.
 * 0 when the process is gone.
 */
export function proportionalBytes(pid) {
  const match = /^Pss:\s+(\d+)\s+kB/m.exec(readOr(`/proc/${pid}/smaps_rollup`, ''));
  return match ? Number(match[1]) * 1024 : 0;
}

/** User plus system CPU seconds the process has used so far, 0 when it is gone. */
export function cpuSeconds(pid) {
  const fields = statFields(pid);
  if (!fields) return 0;
  // Fields counted from "state" (field 3 of stat): utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) * TICK_SECONDS;
}

export function isAlive(pid) {
  const fields = statFields(pid);
  return fields !== undefined && fields[0] !== 'Z';
}

/** Every live descendant of `pid`, found by walking parent links across /proc. */
export function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (!fields) continue;
    const parent = Number(fields[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(entry));
  }
  const found = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found.filter(isAlive);
}

/** SIGKILLs whichever of `pids` still run; the last word of every cleanup. */
export function killSurvivors(pids) {
  for (const pid of pids) {
    if (!isAlive(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* it left between the check and the kill */
    }
  }
}
