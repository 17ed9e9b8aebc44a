/**
 * `npm run bench -- --only status`: how right grove's status is on real agents' recorded sessions.
 *
 * Replays every recording in bench/recordings/ (made by scripts/record-agents.js from the real CLIs)
 * through grove's status logic on a virtual clock (src/emu/status-replay.ts), and prints per recording:
 * accuracy against the recorded truth (every 100 ms sample, and samples a second or more away from a
 * transition), the median and p95 lag of transitions, and flaps. Agents with hooks are also replayed from
 * their screens alone, to show what the hooks add. Needs `npm run build` first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProfile } from '../dist/core/agents/builtins.js';
import { replayStatus } from '../dist/emu/status-replay.js';

const RECORDINGS = fileURLToPath(new URL('./recordings/', import.meta.url));

const percent = (right, all) => (all ? `${((100 * right) / all).toFixed(1)}%` : '-');
function percentile(values, p) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (value) => (value === undefined ? '-' : `${value} ms`);

export async function statusTable() {
  const rows = [];
  for (const file of readdirSync(RECORDINGS).filter((f) => f.endsWith('.json')).sort()) {
    const recording = JSON.parse(readFileSync(join(RECORDINGS, file), 'utf8'));
    const rules = findProfile(recording.agent).statusRules;
    const hooked = recording.events.some((e) => 'hook' in e);
    for (const useHooks of hooked ? [true, false] : [false]) {
      const result = await replayStatus(recording, rules, useHooks);
      const lags = result.lags.map((l) => l.ms ?? Infinity);
      const reportedLags = result.lags.filter((l) => l.reported).map((l) => l.ms ?? Infinity);
      rows.push(
        `| ${recording.scenario} (${recording.version}) | ${useHooks ? 'hooks + screen' : 'screen'} | ${percent(result.right, result.samples)} | ` +
          `${percent(result.steadyRight, result.steadySamples)} | ${result.lags.length} | ${ms(percentile(lags, 50))} | ${ms(percentile(lags, 95))} | ` +
          `${ms(percentile(reportedLags, 95))} | ${result.flaps} |`,
      );
    }
  }
  return [
    '| recording | status from | accuracy | away from transitions | transitions | lag median | lag p95 | p95 where reported | flaps |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${await statusTable()}\n`);
