import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StateStore, STATE_VERSION, type SessionRecord } from '../../src/server/state-store.js';

const record: SessionRecord = {
  id: 's1', name: 'api', command: 'bash', args: ['-l'], cwd: '/tmp/x y', isolation: 'workspace', agent: 'shell', createdAt: 1, lastStatus: 'idle',
};

describe('the state file', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'grove-state-'));
    folders.push(dir);
    return dir;
  };
  afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads back what it wrote, with a schema version', () => {
    const dir = folder();
    new StateStore(dir).save([record]);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).version).toBe(STATE_VERSION);
    expect(new StateStore(dir).load()).toEqual({ records: [record] });
  });

  it('starts empty when there is no file', () => {
    expect(new StateStore(folder()).load()).toEqual({ records: [] });
  });

  it('moves a corrupt file aside with a message instead of replacing it', () => {
    const dir = folder();
    writeFileSync(join(dir, 'state.json'), '{"version": 1, "sessions": [');
    const loaded = new StateStore(dir).load();
    expect(loaded.records).toEqual([]);
    expect(loaded.warning).toMatch(/unreadable .* moved it to .*state\.json\.corrupt-/);
    const aside = readdirSync(dir).find((f) => f.startsWith('state.json.corrupt-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"version": 1, "sessions": [');
  });

  it('moves aside a file of another schema version', () => {
    const dir = folder();
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 99, sessions: [] }));
    expect(new StateStore(dir).load().warning).toMatch(/schema version 1/);
  });

  it('leaves no temporary files behind after writing', () => {
    const dir = folder();
    const store = new StateStore(dir);
    for (let i = 0; i < 5; i++) store.save([{ ...record, lastStatus: `s${i}` }]);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });
});
