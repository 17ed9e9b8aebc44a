/**
 * Every built-in profile against real screens: each fixture under test/fixtures/screens/<agent>/ must be
 * detected as the status its name begins with (conventions in that folder's README).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../src/core/agents/builtins.js';
import { describeDetection, detectStatus } from '../../src/core/status/detect.js';
import type { ScreenObservation } from '../../src/core/status/observation.js';
import { compileStatusRules, type RawStatus } from '../../src/core/status/rules.js';

const SCREENS = fileURLToPath(new URL('../fixtures/screens', import.meta.url));
const STATUSES: readonly RawStatus[] = ['working', 'waiting', 'idle'];
const NOW = 1_000_000;

interface Fixture {
  readonly file: string;
  readonly expected: RawStatus;
  readonly printing: boolean;
  readonly text: string;
}

function fixturesOf(agent: string): Fixture[] {
  return readdirSync(join(SCREENS, agent))
    .filter((file) => file.endsWith('.txt'))
    .map((file) => ({
      file,
      expected: file.replace(/\.txt$/, '').split('-')[0] as RawStatus,
      printing: file.includes('-printing-'),
      text: readFileSync(join(SCREENS, agent, file), 'utf8'),
    }));
}

function observe(text: string, printing: boolean): ScreenObservation {
  const rows = text.replace(/\n$/, '').split('\n');
  const cursorRow = [...rows].reverse().find((row) => row.trim() !== '') ?? '';
  return {
    lines: rows.map((row) => row.trimEnd()),
    cursorText: cursorRow,
    title: '',
    now: NOW,
    lastOutputAt: printing ? NOW - 100 : NOW - 10_000,
  };
}

describe.each(BUILTIN_PROFILES.map((profile) => [profile.name, profile] as const))('%s screens', (name, profile) => {
  const rules = compileStatusRules(profile.statusRules);
  const fixtures = fixturesOf(name);

  it('has a fixture for every status', () => {
    expect(new Set(fixtures.map((fixture) => fixture.expected))).toEqual(new Set(STATUSES));
  });

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
    const detection = detectStatus(rules, observe(fixture.text, fixture.printing));
    expect(detection.status, describeDetection(detection)).toBe(fixture.expected);
  });

  it.each(fixtures.filter((fixture) => fixture.expected === 'waiting').map((fixture) => [fixture.file, fixture] as const))(
    '%s stays waiting while the program prints',
    (_file, fixture) => {
      expect(detectStatus(rules, observe(fixture.text, true)).status).toBe('waiting');
    },
  );
});
