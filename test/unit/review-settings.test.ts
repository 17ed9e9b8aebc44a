import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type GroveConfig } from '../../src/core/config/config.js';
import { reviewSettingsFrom, turnMessage } from '../../src/core/review/settings.js';

/** The config with `set` written by the user (so its origins name a file). */
function configWith(set: Partial<Pick<GroveConfig, 'worktree' | 'commits'>>, paths: string[]): GroveConfig {
  return {
    ...DEFAULT_CONFIG,
    worktree: { ...DEFAULT_CONFIG.worktree, ...set.worktree },
    commits: { ...DEFAULT_CONFIG.commits, ...set.commits },
    origins: new Map(paths.map((path) => [path, 'config.json'])),
  };
}

describe('review settings', () => {
  it('are the issue’s defaults where the user wrote nothing: worktrees beside the checkout, .env copied, a commit per turn', () => {
    expect(reviewSettingsFrom(DEFAULT_CONFIG, '/home/ann')).toEqual({
      worktrees: { branchPrefix: 'grove/', copyIgnored: ['.env', '.env.*'] },
      commitPerTurn: true,
      commitMessage: 'grove: {session} turn {turn}',
      cleanupAfterMerge: false,
    });
  });

  it('take what the user wrote, with ~ as home', () => {
    const config = configWith(
      { worktree: { root: '~/trees', branchPrefix: 'agents/', copy: ['.env.local'], cleanupAfterMerge: true }, commits: { perTurn: false, message: '{session}: {turn}' } },
      ['worktree.root', 'worktree.branchPrefix', 'worktree.copy', 'worktree.cleanupAfterMerge', 'commits.perTurn', 'commits.message'],
    );
    expect(reviewSettingsFrom(config, '/home/ann')).toEqual({
      worktrees: { root: '/home/ann/trees', branchPrefix: 'agents/', copyIgnored: ['.env.local'] },
      commitPerTurn: false,
      commitMessage: '{session}: {turn}',
      cleanupAfterMerge: true,
    });
  });

  it('fill a commit message template, leaving the prompt empty when there is none', () => {
    const fields = { session: 'fix login', agent: 'claude', branch: 'grove/fix-login', turn: 3 };
    expect(turnMessage('grove: {session} turn {turn}', fields)).toBe('grove: fix login turn 3');
    expect(turnMessage('{agent} on {branch}: {prompt}', fields)).toBe('claude on grove/fix-login:');
    expect(turnMessage('{agent}: {prompt}', { ...fields, prompt: 'add tests' })).toBe('claude: add tests');
  });
});
