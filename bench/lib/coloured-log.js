/**
 * The throughput workload: a deterministic, coloured application log of a given size, ending in a marker.
 *
 * Lines look like a busy service's log (timestamp, coloured level, component, request, timing), stay under
 * 120 columns so neither tool has to wrap them, and come from a seeded generator, so every run and every
 * machine cats the same bytes. The log never uses the capital letters of `END_MARKER` (nor does the
 * benchmark's prompt), so the marker is a string neither tool can draw before the log's last line arrives,
 * and no cell of it can be skipped by a renderer that only redraws cells which changed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export const END_MARKER = 'ZQXJKYVZQXJKYV';

/** mulberry32: tiny, fast and good enough to make lines differ. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = [
  ['INFO ', '\x1b[32m'],
  ['INFO ', '\x1b[32m'],
  ['INFO ', '\x1b[32m'],
  ['DEBUG', '\x1b[90m'],
  ['WARN ', '\x1b[33m'],
  ['ERROR', '\x1b[1;31m'],
];
const COMPONENTS = ['http', 'db.pool', 'cache', 'worker', 'auth', 'scheduler', 'queue'];
const PATHS = ['/api/items', '/api/users', '/api/orders', '/healthz', '/api/search', '/static/app.js'];
const METHODS = ['get', 'post', 'put', 'delete'];

function line(next, index) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const [level, colour] = pick(LEVELS);
  const ms = String(index % 1000).padStart(3, '0');
  const seconds = String(Math.floor(index / 1000) % 60).padStart(2, '0');
  const minutes = String(Math.floor(index / 60000) % 60).padStart(2, '0');
  const status = next() < 0.9 ? 200 : pick([301, 404, 500, 503]);
  const statusColour = status >= 500 ? '\x1b[31m' : status >= 400 ? '\x1b[33m' : '\x1b[32m';
  const trace = Math.floor(next() * 0xffffffff).toString(16).padStart(8, '0');
  return `\x1b[2m2025-01-01 10:${minutes}:${seconds}.${ms}\x1b[0m ${colour}${level}\x1b[0m `
    + `\x1b[36m${pick(COMPONENTS).padEnd(9)}\x1b[0m ${pick(METHODS)} ${pick(PATHS)}/${Math.floor(next() * 100000)} `
    + `status=${statusColour}${status}\x1b[0m took=${Math.floor(next() * 900)}ms trace=${trace}\n`;
}

/** Writes about `bytes` bytes of log to `path`, then the marker line. */
export function writeColouredLog(path, bytes) {
  const next = generator(0x67726f76); // "grov"
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    let index = 0;
    while (written < bytes) {
      let chunk = '';
      while (chunk.length < 1 << 20 && written + chunk.length < bytes) chunk += line(next, index++);
      written += writeSync(fd, chunk);
    }
    writeSync(fd, `${END_MARKER}\n`);
  } finally {
    closeSync(fd);
  }
}
