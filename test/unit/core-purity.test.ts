// src/core is the part of grove that runs anywhere: no file system, processes, sockets or terminal. Its
// tsconfig leaves out Node's types, but a type-only import or a bare `import 'fs'` can still slip
// through; this reads every source file and names the one that imports I/O.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = new URL('../../src/core', import.meta.url).pathname;
const IO_PACKAGES = [/^node-pty$/, /^(neo-)?blessed(\/|$)/, /^@xterm\//, /^simple-git(\/|$)/];
const BUILTINS = new Set(builtinModules);

/** Module names in import/export-from/import()/require() in a source text. */
function importedModules(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1]!);
}

function isIo(module: string): boolean {
  if (module.startsWith('node:')) return true;
  if (BUILTINS.has(module) || BUILTINS.has(module.split('/')[0]!)) return true;
  return IO_PACKAGES.some((pattern) => pattern.test(module));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core purity', () => {
  it('recognises the imports it forbids and allows the ones it should', () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import type { Stats } from 'fs';",
      "export { spawn } from 'child_process';",
      "import * as pty from 'node-pty';",
      "import blessed from 'neo-blessed';",
      "import 'blessed';",
      "import { Terminal } from '@xterm/headless';",
      "const git = await import('simple-git');",
      "const os = require('os');",
      "import { join } from 'path/posix';",
      "import { Subject } from 'rxjs';",
      "import { map } from 'rxjs/operators';",
      "import type { Rect } from '../layout/rect.js';",
    ].join('\n');
    const modules = importedModules(source);
    expect(modules).toHaveLength(13);
    expect(modules.filter(isIo)).toEqual([
      'node:fs', 'fs', 'child_process', 'node-pty', 'neo-blessed', 'blessed', '@xterm/headless', 'simple-git', 'os', 'path/posix',
    ]);
  });

  it('imports no I/O module in any file under src/core', () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) =>
      importedModules(readFileSync(file, 'utf8'))
        .filter(isIo)
        .map((module) => `src/core/${relative(CORE, file)} imports ${module}`),
    );
    expect(offenders).toEqual([]);
  });
});
