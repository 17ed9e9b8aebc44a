/**
 * What `grove` loads before it can draw: the bundle's entry and every chunk it imports statically; and
 * what the server process loads (its own entry), which must not be the UI.
 * Keeping things off that path is most of the UI's start-up time (scripts/bundle.js, io/config-files.ts,
 * io/screen-widgets.ts), and an innocent import can put them back, so the built bundle is checked here:
 * zod (config schemas, loaded only for files a user wrote), the server's code (ptys, emulators, git),
 * neo-blessed's index (every widget) and any Intl object made as a module loads are not on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const BUNDLE = new URL('../../dist/bundle/', import.meta.url);

/**
 * The chunks reached from `entry` through static imports, and the bare modules they import; with
 * `imported`, through import() as well (what the server process loads at once).
 */
function startPath(entry: string, imported = false): { chunks: Map<string, string>; modules: Set<string> } {
  const chunks = new Map<string, string>();
  const modules = new Set<string>();
  const visit = (name: string): void => {
    if (chunks.has(name)) return;
    const source = readFileSync(new URL(name, BUNDLE), 'utf8');
    chunks.set(name, source);
    // Loaded as the chunk loads: `require("x")` in a declaration at the top level of the file. A require
    // inside a function (`() => require("x")`, what `import()` became) waits for that function.
    const loaded = imported ? /require\("([^"]+)"\)/gu : /^(?:const|let|var) [\w$]+ = (?:[\w$.]+\()?require\("([^"]+)"\)/gmu;
    for (const [, specifier] of source.matchAll(loaded)) {
      if (specifier!.startsWith('./')) visit(specifier!.slice(2));
      else modules.add(specifier!);
    }
  };
  visit(entry);
  return { chunks, modules };
}

describe.runIf(existsSync(new URL('grove.cjs', BUNDLE)))('the UI\'s start path', () => {
  const { chunks, modules } = startPath('grove.cjs');

  it('is read from the built bundle', () => {
    expect(chunks.size).toBeGreaterThan(3);
    expect(modules).toContain('node:fs');
    expect([...chunks.values()].some((source) => source.includes('function runTui'))).toBe(true);
  });

  it('leaves zod to the chunk the config checks import when a user wrote a file', () => {
    const withZod = [...chunks].filter(([, source]) => source.includes('class ZodError') || source.includes('$ZodType')).map(([name]) => name);
    expect(withZod).toEqual([]);
  });

  it('leaves the server (node-pty, xterm, git) to `grove server run`', () => {
    expect([...modules].filter((name) => /^(node-pty|@xterm\/|simple-git|write-file-atomic)/u.test(name))).toEqual([]);
  });

  it('makes no Intl object as it loads: the first one costs the process ICU\'s start-up', () => {
    const eager = [...chunks].filter(([, source]) => /^(?:const|let|var) [\w$]+ = new Intl\./mu.test(source)).map(([name]) => name);
    expect(eager).toEqual([]);
    expect([...chunks.values()].join('\n')).toContain('new Intl.Segmenter()');
  });

  it('takes neo-blessed\'s screen and box, not its index of every widget', () => {
    const all = [...chunks.values()].join('\n');
    expect(all).toContain('neo-blessed/lib/widgets/screen');
    expect([...modules]).not.toContain('neo-blessed');
    expect(all).not.toMatch(/["']neo-blessed["']/u);
  });
});

describe.runIf(existsSync(new URL('server.cjs', BUNDLE)))('the server\'s start path', () => {
  const { chunks, modules } = startPath('server.cjs', true);

  it('loads the server (node-pty, git) and none of the UI', () => {
    expect([...modules]).toEqual(expect.arrayContaining(['node-pty', 'simple-git']));
    const all = [...chunks.values()].join('\n');
    expect(all).not.toContain('neo-blessed/lib/widgets/screen');
    expect(all).not.toContain('function runTui');
  });
});
