import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StateStore, STATE_VERSION, type SessionRecord } from '../../src/io/state-store.js';

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

  it('loads a version 1 file written before records kept status rules', () => {
    const dir = folder();
    const worktree = { repoPath: '/src/app', worktreePath: '/src/app.worktrees/fix', branch: 'grove/fix', baseBranch: 'main', baseCommit: 'a'.repeat(40) };
    const old = { ...record, id: 's2', name: 'fix', isolation: 'worktree', worktree, agent: 'claude', lastStatus: 'working' };
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 1, sessions: [record, old] }, null, 2) + '\n');
    expect(new StateStore(dir).load()).toEqual({ records: [record, old] });
  });

  it('keeps a user-defined agent’s status rules as given, readably', () => {
    const dir = folder();
    const statusRules = [
      { status: 'waiting' as const, match: 'Approve\\?', in: 'lastLine' as const },
      { status: 'working' as const, match: '^thinking', flags: 'i', lines: 3, foreground: 'program' as const },
    ];
    new StateStore(dir).save([{ ...record, statusRules }]);
    expect(new StateStore(dir).load()).toEqual({ records: [{ ...record, statusRules }] });
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toContain('"statusRules": [\n        {\n          "status": "waiting",');
  });

  it('keeps the good records when some are bad, and the file as it was beside it', () => {
    const dir = folder();
    const bad = { ...record, id: 's2', statusRules: [{ status: 'waiting', match: '(unclosed' }] };
    const text = JSON.stringify({ version: 1, sessions: [record, bad, { id: 's3' }] });
    writeFileSync(join(dir, 'state.json'), text);
    const loaded = new StateStore(dir).load();
    expect(loaded.records).toEqual([record]);
    expect(loaded.warning).toMatch(/^2 session records in .*state\.json could not be read \(record 2 \(statusRules\.0: status rule \/\(unclosed\/: not a valid regular expression.*\); kept the other 1, and the file as it was in .*state\.json\.corrupt-/);
    const aside = readdirSync(dir).find((f) => f.startsWith('state.json.corrupt-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(text);
  });

  it('leaves no temporary files behind after writing', () => {
    const dir = folder();
    const store = new StateStore(dir);
    for (let i = 0; i < 5; i++) store.save([{ ...record, name: `n${i}` }]);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  describe('a change of status alone', () => {
    const onDisk = (dir: string) => new StateStore(dir).load().records;

    it('waits, and goes out once with the latest status', async () => {
      const dir = folder();
      const store = new StateStore(dir, { statusDelayMs: 50 });
      store.save([record]);
      store.save([{ ...record, lastStatus: 'working' }]);
      store.save([{ ...record, lastStatus: 'waiting' }]);
      expect(onDisk(dir)).toEqual([record]);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(onDisk(dir)).toEqual([{ ...record, lastStatus: 'waiting' }]);
    });

    it('is written at once, with the status, when the sessions change too', () => {
      const dir = folder();
      const store = new StateStore(dir, { statusDelayMs: 60_000 });
      store.save([record]);
      store.save([{ ...record, lastStatus: 'working' }]);
      const second: SessionRecord = { ...record, id: 's2', name: 'web' };
      store.save([{ ...record, lastStatus: 'working' }, second]);
      expect(onDisk(dir)).toEqual([{ ...record, lastStatus: 'working' }, second]);
    });

    it('is written by flush, and dropped when the status goes back before it was written', () => {
      const dir = folder();
      const store = new StateStore(dir, { statusDelayMs: 60_000 });
      store.save([record]);
      store.save([{ ...record, lastStatus: 'working' }]);
      store.flush();
      expect(onDisk(dir)).toEqual([{ ...record, lastStatus: 'working' }]);
      store.save([{ ...record, lastStatus: 'idle' }]);
      store.save([{ ...record, lastStatus: 'working' }]);
      store.flush(); // nothing waits: the file already says 'working'
      expect(onDisk(dir)).toEqual([{ ...record, lastStatus: 'working' }]);
    });
  });
});
