/**
 * Reads V8 `.cpuprofile` files (what `node --cpu-prof` writes) into the few lines a person acts on:
 * where the process spent its time, by function, as self time (in the function's own code) and as total
 * time (including what it called). Several files (every client a scenario started) add up into one table.
 *
 * Self time is samples × interval per profile node, summed per function. Total time walks the call tree
 * and charges each sample once per distinct function on its stack, so recursion is not counted twice.
 */
import { readFileSync } from 'node:fs';

const keyOf = ({ functionName, url, lineNumber }, root) => {
  const where = url ? url.replace(`file://${root}`, '').replace(/^file:\/\//, '') : '';
  return `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
};

export function summarise(paths, root) {
  const self = new Map();
  const total = new Map();
  let wallMs = 0;
  let sampledMs = 0;
  for (const path of paths) {
    const profile = JSON.parse(readFileSync(path, 'utf8'));
    const intervalMs = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
    wallMs += (profile.endTime - profile.startTime) / 1000;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const hits = new Map();
    for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
    for (const [id, count] of hits) {
      const node = byId.get(id);
      const ms = count * intervalMs;
      const key = keyOf(node.callFrame, root);
      if (node.callFrame.functionName === '(idle)') continue;
      sampledMs += ms;
      self.set(key, (self.get(key) ?? 0) + ms);
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const k = keyOf(byId.get(at).callFrame, root);
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + ms);
      }
    }
  }
  const top = (map, n) => [...map].filter(([key]) => !/^\((root|program|garbage collector)\)/.test(key) || map === self)
    .sort((a, b) => b[1] - a[1]).slice(0, n);
  return { wallMs, busyMs: sampledMs, self: top(self, 20), total: top(total, 25) };
}

export function formatSummary(title, summary) {
  const row = ([key, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${(100 * ms / summary.busyMs).toFixed(1).padStart(5)}%  ${key}`;
  return [
    `${title}: ${summary.busyMs.toFixed(0)} ms busy over ${summary.wallMs.toFixed(0)} ms of profile`,
    ' self time:',
    ...summary.self.map(row),
    ' total time (function and its callees):',
    ...summary.total.map(row),
  ].join('\n');
}
