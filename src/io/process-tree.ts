/**
 * A session's processes, from Linux's /proc: everything in the pty's session (the agent, its tools, jobs a
 * shell put in groups of their own) and every descendant of those that left it with setsid (an agent's
 * helper daemon). `grove kill` signals them all, so no helper outlives its session.
 *
 * Each process is kept with its start time (field 22 of /proc/<pid>/stat), so a later signal reaches the
 * same process and never one that took its pid. Off Linux the list is empty and only the group is signalled.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessId {
  readonly pid: number;
  readonly start: string;
}

interface Stat extends ProcessId {
  readonly ppid: number;
  readonly session: number;
}

/** Fields after the command name, which is in parentheses and may hold spaces and parentheses itself. */
function readStat(pid: number, procRoot: string): Stat | undefined {
  try {
    const text = readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, session field 6, starttime field 22.
    return { pid, ppid: Number(fields[1]), session: Number(fields[3]), start: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** The processes of the session led by `leader`, and their descendants wherever they went. */
export function sessionProcesses(leader: number, procRoot = '/proc'): ProcessId[] {
  let pids: number[];
  try {
    pids = readdirSync(procRoot).filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
  const stats = pids.map((pid) => readStat(pid, procRoot)).filter((stat): stat is Stat => stat !== undefined);
  const members = new Set(stats.filter((stat) => stat.session === leader || stat.pid === leader).map((stat) => stat.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of stats) {
      if (!members.has(stat.pid) && members.has(stat.ppid)) {
        members.add(stat.pid);
        grew = true;
      }
    }
  }
  return stats.filter((stat) => members.has(stat.pid)).map(({ pid, start }) => ({ pid, start }));
}

/** Signals each process that is still the one listed (same start time). */
export function signalProcesses(processes: readonly ProcessId[], signal: NodeJS.Signals, procRoot = '/proc'): void {
  for (const { pid, start } of processes) {
    if (readStat(pid, procRoot)?.start !== start) continue;
    try {
      process.kill(pid, signal);
    } catch {
      /* gone meanwhile */
    }
  }
}
