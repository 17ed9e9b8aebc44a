/**
 * A pull request's text from a branch's commits, gh's arguments for it, and GitHub's address to open one.
 */
import { describe, expect, it } from 'vitest';
import { compareUrl, ghArguments, pullRequestText } from '../../src/core/review/pull-request.js';

describe('a pull request', () => {
  it('is titled by the session and its latest commit, its body every commit oldest first', () => {
    const text = pullRequestText('auth', [{ sha: 'bbbbbbbbbb', subject: 'grove: auth turn 2' }, { sha: 'aaaaaaaaaa', subject: 'grove: auth turn 1' }]);
    expect(text.title).toBe('auth: grove: auth turn 2');
    expect(text.body.split('\n').slice(2)).toEqual(['- grove: auth turn 1 (aaaaaaaa)', '- grove: auth turn 2 (bbbbbbbb)']);
    expect(pullRequestText('empty', []).title).toBe('empty');
    expect(ghArguments(text, 'grove/auth', 'main').slice(0, 6)).toEqual(['pr', 'create', '--head', 'grove/auth', '--base', 'main']);
  });

  it('has an address on GitHub for ssh and https remotes, and none elsewhere', () => {
    const url = 'https://github.com/me/api/compare/main...grove%2Fauth?expand=1';
    expect(compareUrl('git@github.com:me/api.git', 'main', 'grove/auth')).toBe(url);
    expect(compareUrl('https://github.com/me/api', 'main', 'grove/auth')).toBe(url);
    expect(compareUrl('/srv/git/api.git', 'main', 'grove/auth')).toBeUndefined();
  });
});
