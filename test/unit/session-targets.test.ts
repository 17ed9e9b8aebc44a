import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/core/session/session.js';
import { findTarget, listedSessions } from '../../src/core/session/targets.js';

const session = (id: string, name: string, repo: string) => ({ id, name, repo }) as SessionInfo;
// The host's order interleaves repositories, as sessions are made over time.
const all = [session('s1', 'bash', '/b'), session('s2', 'web', '/a'), session('s3', 'bash-2', '/a'), session('s4', 'api', '/b')];

describe('the one target resolver', () => {
  it('numbers the sessions of the asking repository as its sidebar does', () => {
    const listed = listedSessions(all, '/a');
    expect(listed.map((s) => s.name)).toEqual(['web', 'bash-2']);
    expect(findTarget(all, listed, '0')).toMatchObject({ name: 'web' });
    expect(findTarget(all, listed, '1')).toMatchObject({ name: 'bash-2' });
    expect(findTarget(all, listed, '2')).toBe('no session 2 (indexes run 0-1; 2 in other repositories: grove ls --all)');
  });

  it('lists every repository grouped, in the order each first appears', () => {
    expect(listedSessions(all, undefined).map((s) => s.id)).toEqual(['s1', 's4', 's2', 's3']);
    expect(findTarget(all, listedSessions(all, undefined), '1')).toMatchObject({ name: 'api' });
  });

  it('finds any repository\'s session by id or name, and takes no index where nothing is listed', () => {
    const listed = listedSessions(all, '/a');
    expect(findTarget(all, listed, 's4')).toMatchObject({ name: 'api' });
    expect(findTarget(all, listed, 'api')).toMatchObject({ id: 's4' });
    expect(findTarget(all, undefined, '0')).toBe('no session 0: name sessions by id or name here');
    expect(findTarget(all, listed, 'nope')).toBe('no session nope (grove ls lists them)');
    expect(findTarget([], [], '0')).toBe('no session 0 (none listed here)');
  });
});
