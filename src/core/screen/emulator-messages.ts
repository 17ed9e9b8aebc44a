/**
 * What the server and its emulator threads say to each other.
 *
 * Each pane's emulator (src/emu/pane-emulator.ts) lives in a worker thread, so parsing one pane's output
 * overlaps the server's reading of every pty, and panes that flood at once use every core. The server
 * keeps a mirror of each screen (src/emu/pane-mirror.ts) that the thread keeps current with frame
 * updates: rows changed since the last update it sent, as the socket protocol sends them to clients
 * (protocol/frame-delta.ts), so the server reads a frame without waiting on a thread. Writes are
 * numbered; an update says how far the thread has parsed, which is what flow control and exit draining
 * wait on. Scrollback stays in the thread and is asked for (`lines`, `capture`); answers come back by
 * the number of the question. Messages are plain data: they cross a thread by structured clone.
 */
import type { FrameUpdate } from '../protocol/frame-delta.js';
import type { CaptureOptions } from '../session/host.js';
import type { LineSlice } from './line-slice.js';

export type ToEmulator =
  | { readonly kind: 'open'; readonly pane: number; readonly cols: number; readonly rows: number; readonly scrollback: number }
  | { readonly kind: 'write'; readonly pane: number; readonly data: string; readonly seq: number }
  /**
   * A key reached the program: its next output is probably the echo, parsed and sent at once. Every
   * thread hears it: the others' busy panes give way for a while (parse-scheduler.ts).
   */
  | { readonly kind: 'typed'; readonly pane: number }
  | { readonly kind: 'resize'; readonly pane: number; readonly cols: number; readonly rows: number }
  | { readonly kind: 'lines'; readonly pane: number; readonly ask: number; readonly from: number; readonly count: number }
  | { readonly kind: 'capture'; readonly pane: number; readonly ask: number; readonly options: CaptureOptions }
  | { readonly kind: 'close'; readonly pane: number };

export type FromEmulator =
  /** The screen as it is after parsing every write up to `parsed`. */
  | { readonly kind: 'frame'; readonly pane: number; readonly update: FrameUpdate; readonly parsed: number }
  /** How far the thread has parsed, between frames, while a backlog drains. */
  | { readonly kind: 'parsed'; readonly pane: number; readonly parsed: number }
  /** Bytes for the program: answers to its terminal queries. */
  | { readonly kind: 'reply'; readonly pane: number; readonly data: string }
  | { readonly kind: 'title'; readonly pane: number; readonly title: string }
  | { readonly kind: 'bell'; readonly pane: number }
  | { readonly kind: 'clipboard'; readonly pane: number; readonly text: string }
  | { readonly kind: 'answer'; readonly pane: number; readonly ask: number; readonly answer: EmulatorAnswer };

export type EmulatorAnswer =
  | { readonly lines: LineSlice }
  | { readonly text: string }
  | { readonly error: string };
