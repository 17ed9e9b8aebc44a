/**
 * Word wrapping for messages shown in a box of fixed width: words are kept whole where they fit, and a
 * word longer than a line (a long path) is cut across lines. `measure` gives a string's width in columns.
 */
export function wrapWords(text: string, width: number, measure: (s: string) => number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (measure(rest) > width) {
      let cut = '';
      for (const ch of rest) {
        if (measure(cut + ch) > width) break;
        cut += ch;
      }
      lines.push(cut);
      rest = rest.slice(cut.length);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
