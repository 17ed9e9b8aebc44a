/**
 * A pane's output written but not yet parsed, a chunk (one write from the server: a read from the pty,
 * or several held together while the thread is behind, pane-mirror.ts) at a time, each with what waits
 * for its parsing; and the skim that drops the part of a flood nobody will see (output-skim.ts). Each
 * chunk is scanned for the skim once, as it is queued.
 */
import { findSkim, scanChunk, type ChunkScan } from './output-skim.js';

/** Fewer lines than this are not worth a skim (the search for one reads a few chunks). */
const LEAST_SKIM_LINES = 256;

export interface QueuedChunk {
  data: string;
  scan: ChunkScan;
  readonly parsed: (() => void) | undefined;
}

export interface SkimmedOutput {
  /** What to parse in place of the output dropped. */
  readonly replay: string;
  /** What waited for the chunks dropped whole, to call once the replay is parsed. */
  readonly parsed: readonly ((() => void) | undefined)[];
}

export class PaneBacklog {
  private readonly chunks: QueuedChunk[] = [];
  /** How the last chunk queued ended, for the scan of the next. */
  private openEscape = '';
  private skimmedChars = 0;

  get empty(): boolean {
    return this.chunks.length === 0;
  }

  /** Characters dropped by skims, never parsed. */
  get skimmed(): number {
    return this.skimmedChars;
  }

  push(data: string, parsed: (() => void) | undefined): void {
    const scan = scanChunk(data, this.openEscape);
    this.openEscape = scan.openEscape;
    this.chunks.push({ data, scan, parsed });
  }

  shift(): QueuedChunk | undefined {
    return this.chunks.shift();
  }

  /** Drops what a skim may, keeping `keep` line feeds of the plain run (output-skim.ts). */
  skim(keep: number): SkimmedOutput | undefined {
    const skim = findSkim(this.chunks, keep, LEAST_SKIM_LINES);
    if (!skim) return undefined;
    const dropped = this.chunks.splice(0, skim.chunks);
    this.skimmedChars += dropped.reduce((sum, chunk) => sum + chunk.data.length, skim.offset);
    if (skim.offset) {
      // The skim ends just after a CR LF: what follows starts outside any sequence.
      const head = this.chunks[0]!;
      head.data = head.data.slice(skim.offset);
      head.scan = scanChunk(head.data, '');
    }
    return { replay: skim.replay, parsed: dropped.map((chunk) => chunk.parsed) };
  }

  /** Forgets everything queued (its callbacks never run). */
  clear(): void {
    this.chunks.length = 0;
  }
}
