#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js and everything it imports) into dist/bundle/, which is what
// bin/grove.js runs. `tsc` stays the compiler and type checker; this step exists for start-up time only.
//
// Why: a client must put its first frame on screen quickly, and Node spends most of a cold start finding,
// reading and compiling modules. Unbundled, `grove` loads ~170 of its own files plus rxjs's CommonJS build
// (~235 files, all of rxjs whether used or not) and zod; loading alone took ~230 ms of a 410 ms first
// frame. One tree-shaken file takes a fraction of that.
//
// Bundled: grove's code and the pure ES-module libraries it uses (rxjs, zod, string-width), which shrink to
// what grove calls. Left as ordinary imports: native or CommonJS packages that would not shrink, or that
// load files beside themselves at run time (node-pty's addon, neo-blessed's widgets and terminfo data).
//
// The output is CommonJS (see bin/grove.js and src/io/code-cache.ts) and sits two folders below the package
// root, like every file tsc writes, so the `new URL('../../…', import.meta.url)` paths in the source
// (package.json, themes/, bin/) stay right. What the UI loads before its first frame is kept small, and
// test/unit/bundle-start-path.test.ts holds the output to that.
import { readdirSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const rxjsRoot = dirname(createRequire(import.meta.url).resolve('rxjs/package.json'));
const EXTERNAL = ['node-pty', 'neo-blessed', '@xterm/headless', '@xterm/addon-serialize', '@xterm/addon-unicode11', 'simple-git', 'write-file-atomic'];

const isExternal = (id) => id.startsWith('node:') || EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * string-width makes its Intl.Segmenter as its module loads, and a process's first Intl object costs it
 * ICU's start-up: 15 ms of the UI's first frame, which measures nothing but plain text (text-width.ts).
 * This makes the segmenter when string-width first measures something; the build fails if the line it
 * rewrites is gone, so an upgrade of string-width cannot quietly bring the cost back.
 */
const lazyStringWidthSegmenter = {
  name: 'lazy-string-width-segmenter',
  transform(code, id) {
    if (!/[\\/]string-width[\\/]index\.js$/.test(id)) return null;
    const eager = 'const segmenter = new Intl.Segmenter();';
    if (!code.includes(eager)) throw new Error(`${id}: "${eager}" not found; look again at the lazy-string-width-segmenter plugin`);
    const lazy = 'let made;\nconst segmenter = { segment: (text) => (made ??= new Intl.Segmenter()).segment(text) };';
    return { code: code.replace(eager, lazy), map: null };
  },
};

const outDir = `${root}dist/bundle`;
const bundle = await rolldown({
  // The code cache is its own entry: bin/grove.js turns it on before it loads the rest. So is the native
  // addon's module, for the malloc arenas bin/grove.js caps first of all (src/io/native.ts), what an
  // emulator thread runs (src/emu/emulator-pool.ts), which a worker loads by its file name, and the server
  // process's own entry (src/cli/server-entry.ts), which loads no UI.
  input: {
    grove: `${root}dist/cli/main.js`,
    server: `${root}dist/cli/server-entry.js`,
    'code-cache': `${root}dist/io/code-cache.js`,
    native: `${root}dist/io/native.js`,
    'emulator-worker': `${root}dist/server/emulator-worker.js`,
  },
  platform: 'node',
  external: isExternal,
  // rxjs's "node" export is its CommonJS build, which cannot be tree-shaken; take its ES2015 modules.
  resolve: { alias: { rxjs: `${rxjsRoot}/dist/esm/index.js` } },
  plugins: [lazyStringWidthSegmenter],
  logLevel: 'warn',
});
// CommonJS: V8's code cache can be given to a CommonJS file's compile on Node 20, not to an ES module's.
// ASCII, without comments: V8 keeps each file's source as a string for the process's life, and one
// character outside Latin-1 (a dash in a comment) makes it two bytes a character. Measured with one idle
// session: 2.5 MB less in the server and the UI together; the source maps still lead to the commented source.
const { output } = await bundle.write({ dir: outDir, format: 'cjs', charset: 'ascii', comments: { legal: true, annotation: false, jsdoc: false }, sourcemap: true, entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' });
await bundle.close();
// Chunk names carry a content hash; drop the ones an earlier build left (files only, never a folder).
const written = new Set(output.map((file) => file.fileName));
for (const name of readdirSync(outDir)) {
  const chunk = name.endsWith('.map') ? name.slice(0, -4) : name;
  if (!written.has(chunk)) unlinkSync(`${outDir}/${name}`);
}
