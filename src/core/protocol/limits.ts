/**
 * Bounds on what a client can make the server hold, as tmux bounds its own. The socket is private to its
 * owner, but a buggy script or a confused program running as that user must still not make the server
 * grow without limit or stop answering: every size that arrives from outside is checked against these.
 */

/** A pane's largest size. A 4K screen in a tiny font is some 700 × 250 cells; xterm keeps 12 bytes a cell. */
export const MAX_PANE_COLS = 1000;
export const MAX_PANE_ROWS = 1000;

/** The largest message a client may send (a paste of 1 MiB, JSON-escaped, is well within it). */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024 * 1024;

/** A client's environment, as its hello carries it: Linux's own limit for a program's is about this. */
export const MAX_CLIENT_ENV_BYTES = 2 * 1024 * 1024;

/** A connection that has not said hello by then is closed. */
export const HELLO_TIMEOUT_MS = 5_000;

/** How long a command line waits for the attached UI to run the key command it asked for. */
export const UI_COMMAND_TIMEOUT_MS = 5_000;

/** Connections open at once; more are refused at once (an attached UI and a few scripts need a handful). */
export const MAX_CONNECTIONS = 256;

/** Output queued for a client that does not read it; past this the client is dropped. */
export const MAX_UNSENT_BYTES = 64 * 1024 * 1024;

/** A pane size a client may ask for: a terminal larger than the bound gets panes of the bound's size. */
export function clampPaneSize(cols: number, rows: number): { cols: number; rows: number } {
  return { cols: Math.min(Math.max(1, cols), MAX_PANE_COLS), rows: Math.min(Math.max(1, rows), MAX_PANE_ROWS) };
}
