/**
 * Whether a lock's server process still exists (worktree locks name it): a zombie — killed, not yet
 * reaped — holds nothing, so it counts as gone.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nodeWorktreeFiles } from '../../src/io/git-files.js';

describe('processExists', () => {
  it('is true for a live process, false for one gone or a zombie', async () => {
    expect(nodeWorktreeFiles.processExists(process.pid)).toBe(true);
    // The shell's child outlives nothing: `exec sleep` never reaps it, so it stays a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const child = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString()))));
    expect(nodeWorktreeFiles.processExists(child)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(nodeWorktreeFiles.processExists(child)).toBe(false);
    parent.kill();
  });
});
