/**
 * V8's code cache for grove's own files: its bundle, and the CommonJS packages it loads (neo-blessed for
 * the UI; node-pty, xterm and simple-git for the server).
 *
 * Before the UI can draw, Node compiles some 600 KB of JavaScript, and then compiles each function again
 * the first time it runs. V8 can save that work: a script's cached data holds the bytecode of every
 * function compiled so far, and a later compile of the same source takes it instead of parsing (measured
 * over 41 starts each: 21 ms less CPU and 12 ms less wall time to the first frame, of about 240). Node 22
 * does this itself (`module.enableCompileCache`), and is asked to where it can; on Node 20 grove does it
 * here: CommonJS files under the package are compiled with the cached data of their source, and whatever
 * was compiled without any (a first run, a new grove, a new Node) is saved a second after start, when the
 * functions a start-up runs have been compiled and not yet flushed by V8 for disuse (saving only at exit
 * kept half the gain), and again at exit for files loaded later.
 *
 * What an entry holds depends on what the run that wrote it did: a `grove ls` compiles little of the
 * UI. So the UI, the server and the other commands each keep their own entries (`use`), and the UI's
 * are written by a UI.
 *
 * The cache is an optimisation and nothing else: a cache that cannot be read, is rejected by V8 (another
 * V8, other flags, damaged) or cannot be written means compiling as Node would. Entries are named by a
 * hash of the source, because V8 itself only checks a source's length; they live in
 * `$XDG_CACHE_HOME/grove/code-cache/<V8 version>/<use>`, private to the user, and those of sources grove no
 * longer runs are removed when it next writes one. GROVE_CODE_CACHE=off turns it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Long enough for a start-up to have compiled what it runs; short enough that V8 has not flushed it. */
const SAVE_AFTER_MS = 1000;
/** Entries a run neither read nor wrote are removed once this old: another grove may still be using them. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

interface CommonJsModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}

/** What Node's CommonJS loader offers besides its public API, and which wrapping a file needs. */
interface CommonJsLoader {
  prototype: CommonJsModule;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: CommonJsModule, isMain: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
  _extensions: Record<string, unknown>;
  enableCompileCache?: (dir: string) => unknown;
}

/** What a run of grove is, for the entries it reads and writes: its UI, its server, or another command. */
export type CodeCacheUse = 'ui' | 'server' | 'cli';

export function codeCacheUse(argv: readonly string[]): CodeCacheUse {
  const args = argv[0] === '-L' ? argv.slice(2) : argv;
  if (args.length === 0 || args[0] === 'attach') return 'ui';
  return args[0] === 'server' && args[1] === 'run' ? 'server' : 'cli';
}

/** Where the cache for `use` lives, or undefined when there is no home to keep it in. */
export function codeCacheFolder(env: NodeJS.ProcessEnv, use: string): string | undefined {
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : undefined);
  return base ? join(base, 'grove', 'code-cache', `v8-${process.versions.v8}-${process.arch}`, use) : undefined;
}

/**
 * Compiles CommonJS files under `root` through the cache in `folder` from now on. New entries are saved a
 * second after the last file compiled without one, and by a short-lived command as it exits; not by the
 * server as it exits, since by then `grove server stop` has told its caller that the server is done.
 */
export function enableCodeCache(root: string, folder: string | undefined, use: CodeCacheUse): void {
  if (!folder) return;
  const loader = Module as unknown as CommonJsLoader;
  if (typeof loader.enableCompileCache === 'function') {
    loader.enableCompileCache(folder);
    return;
  }
  const compile = loader.prototype._compile;
  const unsaved: { script: Script; file: string }[] = [];
  const used = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const saveNow = (): void => save(folder, unsaved.splice(0), used);
  loader.prototype._compile = function (this: CommonJsModule, content: string, filename: string): unknown {
    if (!filename.startsWith(root)) return compile.call(this, content, filename);
    const name = `${createHash('sha1').update(content).digest('hex')}.bin`;
    used.add(name);
    const file = join(folder, name);
    const cachedData = readIfThere(file);
    const script = new Script(loader.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    if (!cachedData || script.cachedDataRejected) {
      unsaved.push({ script, file });
      if (timer) clearTimeout(timer);
      timer = setTimeout(saveNow, SAVE_AFTER_MS).unref();
    }
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return run.call(this.exports, this.exports, requireFor(loader, this), this, filename, dirname(filename));
  };
  if (use !== 'server') process.once('exit', saveNow);
}

/** The `require` a module's code is given, as Node makes it. */
function requireFor(loader: CommonJsLoader, module: CommonJsModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: unknown) => loader._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.main = process.mainModule;
  require.cache = loader._cache as NodeJS.Require['cache'];
  require.extensions = loader._extensions as NodeJS.Require['extensions'];
  return require;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the new entries, and removes the stale ones: a new entry means new sources (an upgrade of grove),
 * and the entries of the sources they replaced would otherwise stay for good.
 */
function save(folder: string, unsaved: readonly { script: Script; file: string }[], used: ReadonlySet<string>): void {
  if (unsaved.length === 0) return;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (const { script, file } of unsaved) {
      // Written aside and renamed: another grove reading or writing the same entry sees all of it or none.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, file);
    }
    const staleBefore = Date.now() - STALE_AFTER_MS;
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.bin') || used.has(name)) continue;
      const entry = join(folder, name);
      if (statSync(entry).mtimeMs < staleBefore) unlinkSync(entry);
    }
  } catch {
    // A cache that cannot be written costs the next start what this one cost; nothing else.
  }
}
