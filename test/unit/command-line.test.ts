import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../src/core/session/command-line.js';

describe('splitCommandLine', () => {
  const argv = (line: string) => {
    const parsed = splitCommandLine(line);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.argv;
  };

  it('splits on blanks, collapsing runs of them', () => {
    expect(argv('  aider   --model  gpt ')).toEqual(['aider', '--model', 'gpt']);
  });

  it('keeps quoted words whole, with the quoting rules of sh', () => {
    expect(argv(`echo 'two words' "and \\"three\\" more" a\\ b`)).toEqual(['echo', 'two words', 'and "three" more', 'a b']);
    expect(argv(`x '$HOME' "it's"`)).toEqual(['x', '$HOME', "it's"]);
  });

  it('keeps empty quoted arguments', () => {
    expect(argv(`printf '' x`)).toEqual(['printf', '', 'x']);
  });

  it('does not expand anything a shell would', () => {
    expect(argv('echo $(touch x) *.ts | cat')).toEqual(['echo', '$(touch', 'x)', '*.ts', '|', 'cat']);
  });

  it('reports an unclosed quote', () => {
    expect(splitCommandLine(`echo 'oops`)).toEqual({ ok: false, error: 'unclosed single quote' });
    expect(splitCommandLine(`echo "oops`)).toEqual({ ok: false, error: 'unclosed double quote' });
  });

  it('gives no words for an empty line', () => {
    expect(argv('   ')).toEqual([]);
  });
});
