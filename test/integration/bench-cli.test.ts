/**
 * The benchmark scripts refuse what they were wrongly asked, in one line and with exit status 2, before
 * they start any server or write any result.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LATEST = `${ROOT}bench/results/latest.json`;

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`${ROOT}bench/${script}`, ...args], { cwd: ROOT, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }));
  });
}

describe('bench command lines', () => {
  it.each([
    ['run.js', ['--only', 'nope'], /^bench: unknown figure 'nope' \(throughput, throughput-4, echo, first-frame, resources, attach, remote\)$/],
    ['run.js', ['--bogus'], /^bench: Unknown option '--bogus'/],
    ['profile.js', ['nope'], /^profile: usage: node bench\/profile\.js echo\|flood\|/],
    ['profile.js', ['echo', '--keep'], /^profile: Option '--keep <value>' argument missing/],
  ])('%s %j is one line on stderr, exit 2, nothing written', async (script, args, message) => {
    const before = existsSync(LATEST) ? statSync(LATEST).mtimeMs : undefined;
    const result = await run(script, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(existsSync(LATEST) ? statSync(LATEST).mtimeMs : undefined).toBe(before);
  });
});
