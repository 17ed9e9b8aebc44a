/**
 * Memory and idle CPU: what a tool's own processes (server and the attached client; ccmanager's one
 * process) cost while its sessions sit at a prompt. The shells inside the sessions are the same programs
 * for every tool and are left out.
 *
 * One server per tool grows through `memorySteps` session counts with a client attached throughout; at each
 * step, after a settling pause, it reads VmRSS of the server and the client (and, at the first, their
 * proportional set size, which counts pages the two share once). At `cpuSessions` sessions it
 * also reads their user+system CPU time across `cpuWindowS` seconds of doing nothing. The sessions are made
 * with each tool's command line while the client watches, as a person would add them.
 */
import { addSessions, alternate, attachAtPrompt, perTool } from '../lib/scenario.js';
import { cpuSeconds, MB, proportionalBytes, residentMB } from '../lib/proc.js';
import { sleep } from '../lib/stats.js';

async function measureTool(Tool, ctx) {
  const { memorySteps, cpuSessions, cpuWindowS, settleMs } = ctx.params;
  const counts = [...new Set([...memorySteps, cpuSessions])].sort((a, b) => a - b);
  const tool = new Tool(ctx.workspace);
  const memory = {};
  const proportional = {};
  const parts = {};
  let cpu;
  try {
    await tool.start();
    let made = 0;
    let client;
    for (const count of counts) {
      await addSessions(tool, made, count);
      made = count;
      client ??= await attachAtPrompt(tool);
      await sleep(settleMs);
      const pids = [...tool.serverPids(), client.pid];
      if (memorySteps.includes(count)) {
        const server = residentMB(tool.serverPids());
        const clientMB = residentMB([client.pid]);
        memory[count] = server + clientMB;
        proportional[count] = pids.reduce((sum, pid) => sum + proportionalBytes(pid), 0) / MB;
        parts[count] = { server: Math.round(server * 10) / 10, client: Math.round(clientMB * 10) / 10 };
        ctx.progress(`memory ${tool.name} with ${count} sessions: ${memory[count].toFixed(1)} MB (server ${server.toFixed(1)}, client ${clientMB.toFixed(1)})`);
      }
      if (count === cpuSessions) {
        const before = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
        await sleep(cpuWindowS * 1000);
        cpu = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - before;
        ctx.progress(`idle CPU ${tool.name} with ${count} sessions: ${cpu.toFixed(2)} s over ${cpuWindowS} s`);
      }
    }
    await client.close();
    return { memory, proportional, parts, cpu };
  } finally {
    await tool.stopEarly?.();
  }
}

export async function resources(ctx) {
  const { memorySteps, cpuSessions, cpuWindowS } = ctx.params;
  // One round, through alternate() so a peer's UI that misses a key costs a second try, not the run.
  const results = perTool(await alternate(ctx.tools, 1, (Tool) => measureTool(Tool, ctx)), ([result]) => result);
  const entries = {};
  for (const count of memorySteps) {
    entries[`memory_${count}`] = { unit: 'MB', ...perTool(results, (r) => r.memory[count]), sessions: count, parts: perTool(results, (r) => r.parts[count]) };
  }
  entries[`memory_pss_${memorySteps[0]}`] = { unit: 'MB', ...perTool(results, (r) => r.proportional[memorySteps[0]]), sessions: memorySteps[0] };
  const first = memorySteps[0];
  const last = memorySteps[memorySteps.length - 1];
  entries.memory_per_session = { unit: 'MB', ...perTool(results, (r) => (r.memory[last] - r.memory[first]) / (last - first)), between: [first, last] };
  // Normalised to 30 s, the window the target is stated for, when a quick run watches for less.
  entries.idle_cpu = { unit: 'CPU s / 30 s', ...perTool(results, (r) => (r.cpu * 30) / cpuWindowS), sessions: cpuSessions, window_s: cpuWindowS };
  return entries;
}
