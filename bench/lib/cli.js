/**
 * How the bench scripts start and end: options parsed strictly, and a mistake in what was asked for (an
 * unknown option or figure, grove not built, tmux missing) said in one line with exit status 2, while a
 * failure during a run keeps its stack, which is what finding its cause needs.
 */
import { parseArgs } from 'node:util';

/** A problem with the command line or the machine, found before anything ran. */
export class UsageError extends Error {}

/** node:util's parseArgs, its complaint turned into a UsageError's one line. */
export function parseOptions(config) {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError(err.message.split('\n')[0]);
  }
}

/** Runs `main`, then exits: 0, 2 with one line for a UsageError, 1 with the stack for anything else. */
export function runMain(name, main) {
  main().then(
    () => process.exit(0),
    (err) => {
      const usage = err instanceof UsageError;
      process.stderr.write(`${name}: ${usage ? err.message : err.stack ?? err.message}\n`);
      process.exit(usage ? 2 : 1);
    },
  );
}
