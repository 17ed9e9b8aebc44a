/**
 * The code cache, on the real grove binary: a first run fills it, a later run takes it without writing
 * anything, a damaged entry costs nothing but a recompile, and GROVE_CODE_CACHE=off leaves no trace.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { codeCacheFolder, codeCacheUse } from '../../src/io/code-cache.js';

const GROVE = fileURLToPath(new URL('../../bin/grove.js', import.meta.url));

function grove(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [GROVE, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

/** Entry name → modification time, for the entries in the cache folder. */
function entries(folder: string): Map<string, number> {
  try {
    return new Map(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).mtimeMs]));
  } catch {
    return new Map();
  }
}

describe('the code cache', () => {
  const homes: string[] = [];
  afterEach(() => homes.splice(0).forEach((home) => rmSync(home, { recursive: true, force: true })));

  function home(): { env: Record<string, string>; folder: string } {
    const dir = mkdtempSync(join(tmpdir(), 'grove-cache-'));
    homes.push(dir);
    const env = { HOME: dir, XDG_CACHE_HOME: join(dir, 'cache') };
    return { env, folder: codeCacheFolder(env, 'cli')! };
  }

  it('lives under XDG_CACHE_HOME, else ~/.cache, per V8 version and use; nowhere without either', () => {
    const v8 = `v8-${process.versions.v8}-${process.arch}`;
    expect(codeCacheFolder({ XDG_CACHE_HOME: '/x', HOME: '/h' }, 'ui')).toBe(`/x/grove/code-cache/${v8}/ui`);
    expect(codeCacheFolder({ HOME: '/h' }, 'cli')).toBe(`/h/.cache/grove/code-cache/${v8}/cli`);
    expect(codeCacheFolder({}, 'ui')).toBeUndefined();
  });

  it('keeps the UI\'s entries, the server\'s and the other commands\' apart', () => {
    expect(['', 'attach', '-L work', '-L work attach api'].map((line) => codeCacheUse(line.split(' ').filter(Boolean)))).toEqual(['ui', 'ui', 'ui', 'ui']);
    expect(codeCacheUse(['server', 'run'])).toBe('server');
    expect(['ls', 'new', 'server stop', '--version'].map((line) => codeCacheUse(line.split(' ')))).toEqual(['cli', 'cli', 'cli', 'cli']);
  });

  it('is filled by a first run and taken as it is by the next', async () => {
    const { env, folder } = home();
    expect((await grove(['--version'], env)).stdout).toMatch(/^grove \d+\.\d+\.\d+\n$/);
    const filled = entries(folder);
    expect(filled.size).toBeGreaterThan(3);
    expect([...filled.keys()].every((name) => /^[0-9a-f]{40}\.bin$/.test(name))).toBe(true);
    expect(statSync(folder).mode & 0o777).toBe(0o700);

    expect((await grove(['--version'], env)).stdout).toMatch(/^grove /);
    // V8 accepted every entry: nothing was compiled afresh, so nothing was written again.
    expect(entries(folder)).toEqual(filled);
  });

  it('recompiles past a damaged entry, and writes it again', async () => {
    const { env, folder } = home();
    await grove(['--version'], env);
    const [name] = [...entries(folder).keys()];
    writeFileSync(join(folder, name!), 'not a code cache');
    const run = await grove(['--version'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^grove /);
    expect(statSync(join(folder, name!)).size).toBeGreaterThan(100);
  });

  it('drops the entries of sources it no longer runs, a day after they were written', async () => {
    const { env, folder } = home();
    mkdirSync(folder, { recursive: true });
    const old = join(folder, `${'a'.repeat(40)}.bin`);
    const recent = join(folder, `${'b'.repeat(40)}.bin`);
    writeFileSync(old, 'from an earlier grove');
    writeFileSync(recent, 'from another grove running now');
    const twoDaysAgo = Date.now() / 1000 - 2 * 24 * 3600;
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    await grove(['--version'], env);
    const names = [...entries(folder).keys()];
    expect(names).not.toContain(`${'a'.repeat(40)}.bin`);
    expect(names).toContain(`${'b'.repeat(40)}.bin`);
    expect(names.length).toBeGreaterThan(3);
  });

  it('is neither read nor written with GROVE_CODE_CACHE=off', async () => {
    const { env, folder } = home();
    expect((await grove(['--version'], { ...env, GROVE_CODE_CACHE: 'off' })).code).toBe(0);
    expect(entries(folder).size).toBe(0);
  });
});
