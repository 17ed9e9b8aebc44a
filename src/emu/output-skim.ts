/**
 * Skimming a flood: output that will have scrolled out of the scrollback before anyone can see it is
 * not parsed.
 *
 * A `cat` of a large log sends far more lines than a pane keeps, and parsing them is most of what a
 * flood costs (xterm's parser is the critical path of grove's throughput). When the output queued for a
 * pane holds a run of plain text (printable characters, CR, LF, TAB and SGR sequences, which set
 * colours and attributes) with at least `scrollback + 2 × rows` line feeds after a point P, then once
 * that run is parsed, the emulator's state does not depend on the text before P save for the colours in
 * force at P:
 * - plain text changes no mode, title, tab stop, saved cursor or scroll region, and rings no bell;
 * - at P the cursor may be on any row; the first rows - 1 line feeds after it may only move it down
 *   onto rows written before P, and then each line feed scrolls a new row in at the bottom: more than
 *   `scrollback + rows` of them, so every row the pane keeps is one the run after P filled;
 * - the cursor's column at P is 0, since P is taken just after a CR LF.
 * So the text before P is dropped, and the emulator parses in its place the SGR sequences that set the
 * colours at P (those from the last reset on, SGR 0 resetting all an SGR can set) and a CR. The caller
 * checks the emulator's side: its parser at rest where the queued output begins, and the whole screen
 * its scroll region (lines leave a narrower one differently; the alternate screen, which keeps no
 * scrollback, is the same case with none). Copy mode's line numbers run on from where they were,
 * counting only the lines parsed, so a number still never names two lines (core/screen/line-slice.ts).
 *
 * The queued output is a list of chunks (writes from the server, pane-backlog.ts); each is scanned once,
 * when queued (`scanChunk`), and an SGR sequence may straddle two of them.
 */

/** Not plain: C0 and C1 controls but TAB, LF and CR, DEL, and an ESC that does not begin an SGR sequence. */
const NOT_PLAIN = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]|\x1b(?!\[[\d;:]*m)/g;
/** What may be the start of an SGR sequence the chunk's end cut off. */
const OPEN_SGR = /^\x1b(?:\[[\d;:]*)?$/;
const SGR = /\x1b\[[\d;:]*m/g;
const SGR_AT_START = /^\x1b\[[\d;:]*m/;
/** An SGR sequence whose first parameter is 0 (or empty, which means 0): all attributes reset. */
const RESET_SGR = /\x1b\[0*(?=[;:m])[\d;:]*m/g;
/** The longest SGR sequence looked for across a chunk boundary; a longer one ends the run there. */
const MAX_SGR = 64;
/** How far back from the last candidate P may move to find a line feed that follows a CR. */
const MAX_CR_TRIES = 64;

export interface ChunkScan {
  readonly lineFeeds: number;
  /** Where plain text stops in the chunk: its length when it is plain to the end. */
  readonly plainEnd: number;
  /** Line feeds before `plainEnd`. */
  readonly plainLineFeeds: number;
  /** The chunk ends in what may be the start of an SGR sequence (or ''): the next chunk's scan completes it. */
  readonly openEscape: string;
}

export interface ScannedChunk {
  readonly data: string;
  readonly scan: ChunkScan;
}

export interface Skim {
  /** Whole chunks to drop from the front. */
  readonly chunks: number;
  /** Characters to drop from the chunk after them. */
  readonly offset: number;
  /** What to parse in their place. */
  readonly replay: string;
}

/** Scans a chunk queued after one whose scan ended in `openEscape`. */
export function scanChunk(data: string, openEscape: string): ChunkScan {
  let start = 0;
  if (openEscape) {
    const joined = openEscape + data.slice(0, MAX_SGR);
    const sgr = SGR_AT_START.exec(joined);
    if (sgr) start = sgr[0].length - openEscape.length;
    else if (OPEN_SGR.test(joined) && data.length < MAX_SGR) return scanned(data, data.length, joined);
    else return scanned(data, 0, '');
  }
  NOT_PLAIN.lastIndex = start;
  const bad = NOT_PLAIN.exec(data);
  if (!bad) return scanned(data, data.length, '');
  const rest = data.slice(bad.index);
  return OPEN_SGR.test(rest) ? scanned(data, data.length, rest) : scanned(data, bad.index, '');
}

function scanned(data: string, plainEnd: number, openEscape: string): ChunkScan {
  let lineFeeds = 0;
  let plainLineFeeds = 0;
  for (let at = data.indexOf('\n'); at !== -1; at = data.indexOf('\n', at + 1)) {
    lineFeeds++;
    if (at < plainEnd) plainLineFeeds++;
  }
  return { lineFeeds, plainEnd, plainLineFeeds, openEscape };
}

/**
 * The plain run from the front of `chunks`: whole chunks, then the part of one before its first text
 * that is not plain; its line feeds, and the chunk it ends in.
 */
function plainRun(chunks: readonly ScannedChunk[]): { lineFeeds: number; last: number } {
  let lineFeeds = 0;
  let last = 0;
  for (; last < chunks.length; last++) {
    const { data, scan } = chunks[last]!;
    lineFeeds += scan.plainLineFeeds;
    if (scan.plainEnd < data.length) break;
  }
  return { lineFeeds, last: Math.min(last, chunks.length - 1) };
}

/**
 * Where the queued `chunks` may be skimmed, keeping `keep` line feeds of their plain run unskimmed, or
 * undefined when the run is not long enough to drop at least `least` lines.
 */
export function findSkim(chunks: readonly ScannedChunk[], keep: number, least: number): Skim | undefined {
  const run = plainRun(chunks);
  if (run.lineFeeds < keep + least + 1) return undefined;
  const last = run.last;
  // P follows the line feed with `keep` more after it in the run (or an earlier one, to follow a CR).
  let skip = keep + 1;
  for (let k = last; k >= 0; k--) {
    const { data, scan } = chunks[k]!;
    const feeds = k === last ? scan.plainLineFeeds : scan.lineFeeds;
    if (skip > feeds) {
      skip -= feeds;
      continue;
    }
    let at = k === last ? scan.plainEnd : data.length;
    for (let n = 0; n < skip; n++) at = data.lastIndexOf('\n', at - 1);
    for (let tries = 0; at !== -1 && tries < MAX_CR_TRIES; tries++, at = at > 0 ? data.lastIndexOf('\n', at - 1) : -1) {
      const before = at > 0 ? data[at - 1] : k > 0 ? chunks[k - 1]!.data.at(-1) : undefined;
      if (before === '\r') return at + 1 === data.length ? skimTo(chunks, k + 1, 0) : skimTo(chunks, k, at + 1);
    }
    return undefined;
  }
  return undefined;
}

/** The skim to chunk `k` at `offset`: the SGR sequences from the last reset before it, and a CR. */
function skimTo(chunks: readonly ScannedChunk[], k: number, offset: number): Skim {
  const text = (j: number) => (j === k ? chunks[j]!.data.slice(0, offset) : chunks[j]!.data);
  // The last reset, looked for a chunk at a time (each with the start of the next, where one may end);
  // with none, every SGR sequence from the front counts.
  let from = 0;
  let at = 0;
  for (let j = k; j >= 0; j--) {
    const own = text(j);
    const window = own + (j < k ? text(j + 1).slice(0, MAX_SGR) : '');
    let found = -1;
    RESET_SGR.lastIndex = 0;
    for (let match = RESET_SGR.exec(window); match && match.index < own.length; match = RESET_SGR.exec(window)) found = match.index;
    if (found !== -1) {
      [from, at] = [j, found];
      break;
    }
  }
  let region = text(from).slice(at);
  for (let j = from + 1; j <= k; j++) region += text(j);
  const replay = region.match(SGR)?.join('') ?? '';
  return { chunks: k, offset, replay: `${replay}\r` };
}
