/**
 * Splits what a user types as a command ("aider --model x 'two words'") into a program and its arguments,
 * with POSIX-shell quoting rules (single quotes, double quotes, backslash) but nothing else: no variables,
 * globs or pipes. grove starts programs directly, never through a shell, so what you type is what runs.
 */

export type ParsedCommandLine = { ok: true; argv: string[] } | { ok: false; error: string };

export function splitCommandLine(line: string): ParsedCommandLine {
  const argv: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) current += line[++i];
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 < line.length) current += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) argv.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) return { ok: false, error: `unclosed ${quote === '"' ? 'double' : 'single'} quote` };
  if (inWord) argv.push(current);
  return { ok: true, argv };
}
