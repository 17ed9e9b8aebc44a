/**
 * Review comments as data: where a comment points (FILE:LINE, ranges, the old side), what a patch's lines
 * are numbered, where comments sit in the diff document, what the diff view's selection comments on, and
 * the one prompt a round becomes. Also: a prompt to a program that takes no bracketed paste goes as one line.
 */
import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../src/core/git/diff-output.js';
import { diffDocument, quoteFromDiff, rawPatchLines } from '../../src/core/review/diff-document.js';
import { commentProblem, feedbackPrompt, keptComment, parseCommentPlace, selectionComment, MAX_COMMENTS, type ReviewComment } from '../../src/core/review/feedback.js';
import { PromptSubmit } from '../../src/server/prompt-submit.js';

const patch = [
  'diff --git a/app.ts b/app.ts',
  '--- a/app.ts',
  '+++ b/app.ts',
  '@@ -10,4 +10,4 @@ function main()',
  ' keep',
  '-old line',
  '+new line',
  ' also kept',
  '@@ -40,2 +40,3 @@',
  ' forty',
  '+added',
  ' forty-one',
  '',
].join('\n');
const file: FileChange = { path: 'app.ts', status: 'modified', added: 2, removed: 1, binary: false, patch };
const diff = { base: 'abc', commits: [], files: [file] };
const comment = (over: Partial<ReviewComment>): ReviewComment => ({ path: 'app.ts', line: 11, endLine: 11, side: 'new', text: 'why?', quote: ['new line'], ...over });

describe('a patch, numbered', () => {
  it('numbers context and added lines on the new side, removed ones on the old side, hunk by hunk', () => {
    const places = rawPatchLines(file).map((line) => (line.at ? `${line.at.side}:${line.at.line}` : line.kind));
    expect(places).toEqual(['file', 'meta', 'meta', 'hunk', 'new:10', 'old:11', 'new:11', 'new:12', 'hunk', 'new:40', 'new:41', 'new:42']);
  });

  it('quotes the lines a place covers, on its side; a file not in the diff has no quote', () => {
    expect(quoteFromDiff([file], { path: 'app.ts', line: 10, endLine: 11, side: 'new' })).toEqual(['keep', 'new line']);
    expect(quoteFromDiff([file], { path: 'app.ts', line: 11, endLine: 11, side: 'old' })).toEqual(['old line']);
    expect(quoteFromDiff([file], { path: 'app.ts', line: 100, endLine: 100, side: 'new' })).toEqual([]);
    expect(quoteFromDiff([file], { path: 'other.ts', line: 1, endLine: 1, side: 'new' })).toBeUndefined();
  });
});

describe('where a comment points', () => {
  it('reads FILE:LINE, FILE:FIRST-LAST and FILE:-LINE (the old side)', () => {
    expect(parseCommentPlace('src/a.ts:12')).toEqual({ path: 'src/a.ts', line: 12, endLine: 12, side: 'new' });
    expect(parseCommentPlace('a:b.ts:3-5')).toEqual({ path: 'a:b.ts', line: 3, endLine: 5, side: 'new' });
    expect(parseCommentPlace('a.ts:-7')).toEqual({ path: 'a.ts', line: 7, endLine: 7, side: 'old' });
  });

  it('refuses what is not a place in the repository, in one line', () => {
    expect(parseCommentPlace('a.ts')).toBe('"a.ts" is not FILE:LINE or FILE:FIRST-LAST');
    expect(parseCommentPlace('../x.ts:1')).toBe('"../x.ts" is not a path inside the repository');
    expect(parseCommentPlace('/etc/passwd:1')).toBe('"/etc/passwd" is not a path inside the repository');
    expect(parseCommentPlace('a.ts:5-3')).toBe('lines 5-3 are not a range of lines (the first is 1)');
    expect(parseCommentPlace('a.ts:0')).toBe('lines 0-0 are not a range of lines (the first is 1)');
  });

  it('bounds what a session keeps, and keeps it printable', () => {
    expect(commentProblem(comment({ text: '  ' }), 0)).toBe('a comment needs some text');
    expect(commentProblem(comment({}), MAX_COMMENTS)).toMatch(/^a session keeps at most 100 comments/u);
    expect(commentProblem(comment({ text: 'x'.repeat(2001) }), 0)).toBe('a comment is at most 2000 characters');
    const kept = keptComment(comment({ text: ' rm \x1b[2J this\x07 ', quote: Array<string>(20).fill('q\x1b]52;c;x\x07') }));
    expect(kept.text).toBe('rm [2J this');
    expect(kept.quote).toHaveLength(12);
    expect(kept.quote[0]).not.toContain('\x1b');
  });
});

describe('comments in the diff document', () => {
  it('sit under the line they end on; one whose line is gone is listed at the end with its place', () => {
    const doc = diffDocument(diff, [comment({}), comment({ line: 40, endLine: 42, text: 'range', sent: true }), comment({ line: 99, endLine: 99, text: 'lost' })]);
    const text = doc.lines.map((line) => line.text);
    expect(text[text.indexOf('+new line') + 1]).toBe('  » why?');
    expect(text[text.indexOf(' forty-one') + 1]).toBe('  » lines 40-42: range  (sent)');
    expect(text.slice(-2)).toEqual(['Comments on lines the diff no longer shows:', '  » app.ts:99: lost']);
    expect(doc.lines.filter((line) => line.kind === 'comment').map((line) => line.comment)).toEqual([0, 1, 2]);
  });

  it('a selection comments on lines of one file and one side; other lines are refused', () => {
    const lines = diffDocument(diff, [comment({})]).lines;
    const at = (text: string) => lines.findIndex((line) => line.text === text);
    expect(selectionComment(lines.slice(at(' keep'), at('+new line') + 2))).toBe('a comment covers lines of one file, all added and unchanged or all removed');
    expect(selectionComment(lines.slice(at('+new line'), at(' also kept') + 1))).toEqual({
      place: { path: 'app.ts', line: 11, endLine: 12, side: 'new' },
      quote: ['new line', 'also kept'],
    });
    expect(selectionComment(lines.slice(at('-old line'), at('-old line') + 1))).toEqual({ place: { path: 'app.ts', line: 11, endLine: 11, side: 'old' }, quote: ['old line'] });
    expect(selectionComment(lines.slice(0, 1))).toMatch(/^c comments on lines of a patch/u);
  });
});

describe('the prompt of a review round', () => {
  it('numbers the comments, each with its file:line, the quoted lines and the text', () => {
    expect(feedbackPrompt([comment({}), comment({ line: 11, endLine: 11, side: 'old', quote: ['old line'], text: 'keep this' })])).toBe([
      'Review comments on your changes. Address each one:',
      '',
      '1. app.ts:11',
      '   > new line',
      '   why?',
      '',
      '2. app.ts:11 (removed lines)',
      '   > old line',
      '   keep this',
    ].join('\n'));
    expect(feedbackPrompt([comment({})]).split('\n')[0]).toBe('Review comment on your changes. Address it:');
  });

  it('goes as one line to a program that asked for no bracketed paste, and as lines in a paste to one that did', async () => {
    for (const bracketed of [false, true]) {
      let typed = '';
      const submit = new PromptSubmit({ isRunning: () => false, bracketedPaste: () => bracketed, type: (data) => (typed += data) });
      await submit.submit('first\n  second', true);
      expect(typed).toBe(bracketed ? '\x1b[200~first\r  second\x1b[201~\r' : 'first second\r');
    }
  });
});
