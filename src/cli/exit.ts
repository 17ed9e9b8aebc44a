/**
 * How a grove process ends: the status its run answered, or one line on stderr (`grove: …`) and 2 for a
 * usage mistake, 1 for any other failure. Shared by the command line (main.ts) and the server's own entry
 * (server-entry.ts).
 */
import { terminalText } from '../core/text/terminal-text.js';
import { UsageError } from './command.js';

export async function exitWith(run: () => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await run();
  } catch (err) {
    // Messages quote file and branch names: the same sanitiser as stdout.
    process.stderr.write(`grove: ${terminalText((err as Error).message)}\n`);
    code = err instanceof UsageError ? 2 : 1;
  }
  process.exitCode = code;
  // Leave once stdout has drained; lingering handles (a closed socket's timers) must not keep us here.
  process.stdout.write('', () => process.exit(code));
}
