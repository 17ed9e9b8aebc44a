/**
 * The record of repository config files the user trusted: each file's absolute path and the SHA-256 of
 * the exact text trusted (core/config/trust.ts says what trust allows). A file whose text no longer
 * hashes to what was recorded is "changed", and asks again. The record is written atomically, 0600, in
 * the user's data folder; an unreadable record trusts nothing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { trustStoreFile, type Env } from '../core/config/paths.js';
import type { RepoTrust } from '../core/config/trust.js';

interface TrustRecord {
  readonly version: 1;
  readonly files: Record<string, string>;
}

/** A bound on what is read back: a record of thousands of files is still a few hundred KB. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

async function readRecord(path: string | undefined): Promise<TrustRecord> {
  const empty: TrustRecord = { version: 1, files: {} };
  if (path === undefined) return empty;
  const text = await readFile(path, 'utf8').catch(() => '');
  if (text.length === 0 || text.length > MAX_RECORD_BYTES) return empty;
  try {
    const parsed = JSON.parse(text) as Partial<TrustRecord>;
    const files = parsed.files && typeof parsed.files === 'object' ? parsed.files : {};
    return { version: 1, files: Object.fromEntries(Object.entries(files).filter(([, hash]) => typeof hash === 'string')) };
  } catch {
    return empty;
  }
}

/** Whether the user trusted this text of the repository config file at `path`. */
export async function trustOf(env: Env, path: string, text: string): Promise<RepoTrust> {
  const recorded = (await readRecord(trustStoreFile(env))).files[path];
  if (recorded === undefined) return 'untrusted';
  return recorded === contentHash(text) ? 'trusted' : 'changed';
}

/** Records (or, with `hash` undefined, forgets) the trusted hash of the file at `path`. */
export async function recordTrust(env: Env, path: string, hash: string | undefined): Promise<void> {
  const store = trustStoreFile(env);
  if (store === undefined) throw new Error('cannot record trust: neither XDG_DATA_HOME nor HOME is set');
  const record = await readRecord(store);
  const files = { ...record.files };
  if (hash === undefined) delete files[path];
  else files[path] = hash;
  await mkdir(dirname(store), { recursive: true, mode: 0o700 });
  // Required here: the UI reads trust before its first frame, and only `grove config trust` writes it.
  // (A dynamic import() of a package is not available inside the code-cached bundle; require is.)
  const writeFileAtomic = createRequire(import.meta.url)('write-file-atomic') as typeof import('write-file-atomic');
  await writeFileAtomic(store, `${JSON.stringify({ version: 1, files }, null, 2)}\n`, { mode: 0o600 });
}
