/**
 * Questions on the terminal, for the commands that must not act on a guess (merge, rm, prune). Only when
 * stdin is a terminal: a script gets no prompt it could hang on, and passes its answers as options.
 */
import { createInterface } from 'node:readline/promises';

export function canAsk(): boolean {
  return process.stdin.isTTY === true;
}

/** The line the user typed, trimmed ('' at end of input). */
export async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } catch {
    return '';
  } finally {
    rl.close();
  }
}

export async function askYesNo(question: string): Promise<boolean> {
  return /^y(es)?$/iu.test(await ask(`${question} [y/N] `));
}
