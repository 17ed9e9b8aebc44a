/**
 * Real agents' recorded sessions (bench/recordings/, made by scripts/record-agents.js from the CLIs
 * installed from npm) replayed through grove's status logic: away from transitions the status is right
 * in at least 98% of samples, every transition shows within a second (with the agent's hooks where it
 * has them, as grove runs it), and nothing flaps. `npm run bench -- --only status` prints the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findProfile } from '../../src/core/agents/builtins.js';
import { replayStatus, type Recording } from '../../src/emu/status-replay.js';

const FOLDER = fileURLToPath(new URL('../../bench/recordings/', import.meta.url));
const recordings = readdirSync(FOLDER)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(FOLDER + file, 'utf8')) as Recording);

describe('recorded agent sessions', () => {
  it('cover every agent grove can install from npm', () => {
    expect(new Set(recordings.map((r) => r.agent))).toEqual(new Set(['claude', 'codex', 'gemini', 'copilot', 'opencode']));
  });

  it.each(recordings.map((r) => [r.scenario, r] as const))('%s', async (_name, recording) => {
    const result = await replayStatus(recording, findProfile(recording.agent)!.statusRules);
    const wrong = result.timeline.filter((s) => s.shown !== s.truth).map((s) => `${s.t}ms ${s.truth}→${s.shown}`);
    expect(result.steadyRight / result.steadySamples, wrong.join(', ')).toBeGreaterThanOrEqual(0.98);
    for (const lag of result.lags) expect(lag.ms, `to ${lag.to}`).toBeLessThanOrEqual(1000);
    expect(result.flaps).toBe(0);
  });
});
