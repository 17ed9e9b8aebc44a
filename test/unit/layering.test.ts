/**
 * The shape of src, as executable rules rather than a paragraph to remember:
 *   - each folder imports only the folders below it: core ← emu ← server, core ← io ← {server, client},
 *     client ← cli, and cli reaches the server's code only lazily (the UI must not load it);
 *   - src/core imports no I/O at all (no Node module, no terminal, pty, emulator or git package);
 *   - only src/io touches the operating system (files, processes, sockets, the terminal's line editor):
 *     elsewhere a Node module may be imported for its types, or for pure functions (path, util, url);
 *   - no module imports itself back through others.
 * Each rule is checked against a sample it must catch, so it cannot pass by matching nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src', import.meta.url).pathname;
const FOLDERS = ['core', 'emu', 'io', 'server', 'client', 'cli'] as const;
type Folder = (typeof FOLDERS)[number];

/** What each folder may import eagerly (itself always). */
const MAY_IMPORT: Readonly<Record<Folder, readonly Folder[]>> = {
  core: [],
  emu: ['core'],
  io: ['core'],
  server: ['core', 'emu', 'io'],
  client: ['core', 'io'],
  cli: ['core', 'io', 'client'],
};
/** What a folder may import only with import(), loaded when needed. */
const MAY_LOAD_LATER: Readonly<Partial<Record<Folder, readonly Folder[]>>> = { cli: ['server'] };

const IO_PACKAGES = [/^node-pty$/u, /^(neo-)?blessed(\/|$)/u, /^@xterm\//u, /^simple-git(\/|$)/u];
/** Node modules that compute without touching the system: fine outside src/io (not in core). */
const PURE_NODE = new Set(['path', 'path/posix', 'util', 'url', 'string_decoder']);

interface Import {
  readonly module: string;
  readonly typeOnly: boolean;
  readonly lazy: boolean;
}

function importsOf(source: string): Import[] {
  const found: Import[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gmu)) {
    found.push({ module: m[2]!, typeOnly: m[1] !== undefined, lazy: false });
  }
  for (const m of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]/gu)) found.push({ module: m[1]!, typeOnly: false, lazy: true });
  return found;
}

const nodeName = (module: string) => module.replace(/^node:/u, '');
const isNode = (module: string) => module.startsWith('node:') || builtinModules.includes(module) || builtinModules.includes(module.split('/')[0]!);
const isIoPackage = (module: string) => IO_PACKAGES.some((pattern) => pattern.test(module));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const folderOf = (file: string) => relative(SRC, file).split('/')[0] as Folder;

/** Everything wrong with one file's imports, one line each. */
function problems(file: string, source: string): string[] {
  const from = folderOf(file);
  const name = `src/${relative(SRC, file)}`;
  return importsOf(source).flatMap(({ module, typeOnly, lazy }) => {
    if (module.startsWith('.')) {
      const to = folderOf(resolve(dirname(file), module));
      if (to === from || typeOnly) return [];
      const allowed = [...MAY_IMPORT[from], ...(lazy ? (MAY_LOAD_LATER[from] ?? []) : [])];
      return allowed.includes(to) ? [] : [`${name} imports src/${to} (${module})${lazy ? '' : MAY_LOAD_LATER[from]?.includes(to) ? ' eagerly' : ''}`];
    }
    if (from === 'core' && (isNode(module) || isIoPackage(module))) return [`${name} imports ${module}: src/core does no I/O`];
    if (from !== 'io' && !typeOnly && isNode(module) && !PURE_NODE.has(nodeName(module))) return [`${name} imports ${module}: only src/io touches the system`];
    return [];
  });
}

/** Each import cycle among `edges` (file → the files it imports), as "a → b → a". */
function cyclesIn(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]) => {
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next, [...path, next]);
    }
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file, [file]);
  return cycles;
}

describe('the rules', () => {
  it('find a cycle', () => {
    expect(cyclesIn(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual(['a → b → c → a']);
    expect(cyclesIn(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('catch what they forbid, and pass what they allow', () => {
    const at = (folder: string) => join(SRC, folder, 'x.ts');
    expect(problems(at('core'), "import { readFileSync } from 'node:fs';\nimport type { Stats } from 'fs';\nimport { Subject } from 'rxjs';")).toEqual([
      'src/core/x.ts imports node:fs: src/core does no I/O', 'src/core/x.ts imports fs: src/core does no I/O',
    ]);
    expect(problems(at('core'), "const git = await import('simple-git');\nimport { Terminal } from '@xterm/headless';")).toHaveLength(2);
    expect(problems(at('server'), "import { spawn } from 'node:child_process';\nimport type { Socket } from 'node:net';\nimport { join } from 'node:path';")).toEqual([
      'src/server/x.ts imports node:child_process: only src/io touches the system',
    ]);
    expect(problems(at('client'), "import { GroveServer } from '../server/server.js';\nimport type { SessionInfo } from '../core/session/session.js';")).toEqual([
      'src/client/x.ts imports src/server (../server/server.js)',
    ]);
    expect(problems(at('cli'), "import { runServer } from '../server/main.js';\nconst main = await import('../server/main.js');")).toEqual([
      'src/cli/x.ts imports src/server (../server/main.js) eagerly',
    ]);
    expect(problems(at('io'), "import { readFileSync } from 'node:fs';\nimport { x } from '../emu/y.js';")).toEqual(['src/io/x.ts imports src/emu (../emu/y.js)']);
  });
});

describe.each(FOLDERS)('src/%s', (folder) => {
  it('imports only what its layer may', () => {
    const files = sourceFiles(join(SRC, folder));
    expect(files.length).toBeGreaterThan(3);
    expect(files.flatMap((file) => problems(file, readFileSync(file, 'utf8')))).toEqual([]);
  });
});

describe('src', () => {
  it('has no import cycles', () => {
    const edges = new Map(sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(readFileSync(file, 'utf8'))
      .filter((i) => i.module.startsWith('.') && !i.typeOnly && !i.lazy)
      .map((i) => relative(SRC, resolve(dirname(file), i.module).replace(/\.js$/u, '.ts')))]));
    expect(edges.size).toBeGreaterThan(100);
    expect(cyclesIn(edges)).toEqual([]);
  });
});
