/**
 * The server's log: one line per event, timestamped, appended to a file only its user can read.
 */
import { appendFileSync } from 'node:fs';

/** A logger that appends to `path`; a failed write is dropped, since logging must never take the server down. */
export function fileLogger(path: string): (line: string) => void {
  return (line) => {
    try {
      appendFileSync(path, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
    } catch {
      /* nowhere left to say it */
    }
  };
}
