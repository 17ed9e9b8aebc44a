import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type GroveConfig } from '../../src/core/config/config.js';
import { lastTurnIn, reviewSettingsFrom, turnMessage } from '../../src/core/review/settings.js';

/** The config with `set` written by the user (so its origins name a file). */
function configWith(set: Partial<Pick<GroveConfig, 'worktree' | 'commits' | 'check' | 'checkpoints'>>, paths: string[]): GroveConfig {
  return {
    ...DEFAULT_CONFIG,
    check: set.check,
    checkpoints: { ...DEFAULT_CONFIG.checkpoints, ...set.checkpoints },
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
      setup: [],
      checkpointDays: 7,
    });
  });

  it('take what the user wrote, with ~ as home', () => {
    const config = configWith(
      { worktree: { root: '~/trees', branchPrefix: 'agents/', copy: ['.env.local'], cleanupAfterMerge: true, setup: ['npm ci'] }, check: 'npm test', commits: { perTurn: false, message: '{session}: {turn}' }, checkpoints: { keepDays: 30 } },
      ['worktree.root', 'worktree.branchPrefix', 'worktree.copy', 'worktree.cleanupAfterMerge', 'worktree.setup', 'check', 'commits.perTurn', 'commits.message', 'checkpoints.keepDays'],
    );
    expect(reviewSettingsFrom(config, '/home/ann')).toEqual({
      worktrees: { root: '/home/ann/trees', branchPrefix: 'agents/', copyIgnored: ['.env.local'] },
      commitPerTurn: false,
      commitMessage: '{session}: {turn}',
      cleanupAfterMerge: true,
      setup: ['npm ci'],
      checkpointDays: 30,
      check: 'npm test',
    });
  });

  it('fill a commit message template, leaving the prompt empty when there is none', () => {
    const fields = { session: 'fix login', agent: 'claude', branch: 'grove/fix-login', turn: 3 };
    expect(turnMessage('grove: {session} turn {turn}', fields)).toBe('grove: fix login turn 3');
    expect(turnMessage('{agent} on {branch}: {prompt}', fields)).toBe('claude on grove/fix-login:');
    expect(turnMessage('{agent}: {prompt}', { ...fields, prompt: 'add tests' })).toBe('claude: add tests');
  });

  describe('reading turn numbers back from a branch’s messages', () => {
    const fields = { session: 'fix login', agent: 'claude', branch: 'grove/fix-login' };

    it('finds the highest turn the template made, ignoring other commits', () => {
      const messages = ['grove: fix login turn 2', 'fix the tests by hand', 'grove: fix login turn 10', 'grove: fix login turn 1'];
      expect(lastTurnIn('grove: {session} turn {turn}', messages)).toBe(10);
      expect(lastTurnIn('grove: {session} turn {turn}', ['fix the tests by hand', 'grove: turn three'])).toBe(0);
      expect(lastTurnIn('grove: {session} turn {turn}', [])).toBe(0);
    });

    it('reads any template turnMessage fills, whatever the other placeholders held', () => {
      const templates = ['{branch}: turn {turn} of {session} ({agent})', '[{turn}] {agent}: {prompt}', '{session} #{turn}\n\n{prompt}', 'wip (turn {turn}) *{session}*'];
      for (const template of templates) {
        const messages = [4, 7].map((turn) => turnMessage(template, { ...fields, turn, prompt: turn === 7 ? 'add a test\n\nand (more)' : '' }));
        expect(lastTurnIn(template, messages), template).toBe(7);
      }
      expect(lastTurnIn('grove: {session} turn {turn}', ['grove: another session turn 5'])).toBe(5);
    });

    it('matches messages as git tidied them: trailing spaces and runs of blank lines', () => {
      expect(lastTurnIn('{session}   turn {turn}\n\n\n{prompt}', ['fix login turn 3\n\nprompt text\n'])).toBe(3);
    });

    it('finds nothing when the template has no turn number', () => {
      expect(lastTurnIn('wip: {session}', ['wip: fix login'])).toBe(0);
    });
  });
});
