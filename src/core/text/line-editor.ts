/**
 * A one-line text field's editing model: a value, a cursor, and the readline keys people expect.
 *
 * Dialogs (new session, rename, confirm) own a LineEditor and feed it decoded input events; it answers
 * whether it used each one, so Enter, Escape and Tab stay with the dialog. The cursor is an index into
 * the value in UTF-16 code units (so `value.slice(0, cursor)` is the text before it) but only ever rests
 * on a grapheme boundary: Left, Backspace and Delete step over a whole "é" or emoji, never half of one.
 *
 * Two notions of word, as in readline: C-w deletes back to whitespace (a path or URL goes in one stroke);
 * the Alt keys and Ctrl+arrows stop at letters and digits.
 */
import type { InputEvent } from '../keys/input-event.js';
import { isCharKey } from '../keys/keyspec.js';

// Made when first needed: the first Intl object a process makes costs it ICU's start-up (10-20 ms).
let segmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;
const SPACE = /\s/u;
const CONTROL_CHARACTERS = /\p{Cc}/gu;

type Edit = (editor: LineEditor) => void;

const EDITS: Readonly<Record<string, Edit>> = {
  Space: (e) => e.insert(' '),
  BSpace: (e) => e.deleteTo(previousGrapheme(e.value, e.cursor)),
  'C-h': (e) => e.deleteTo(previousGrapheme(e.value, e.cursor)),
  DC: (e) => e.deleteTo(nextGrapheme(e.value, e.cursor)),
  'C-d': (e) => e.deleteTo(nextGrapheme(e.value, e.cursor)),
  Left: (e) => e.moveTo(previousGrapheme(e.value, e.cursor)),
  Right: (e) => e.moveTo(nextGrapheme(e.value, e.cursor)),
  Home: (e) => e.moveTo(0),
  'C-a': (e) => e.moveTo(0),
  End: (e) => e.moveTo(e.value.length),
  'C-e': (e) => e.moveTo(e.value.length),
  'C-u': (e) => e.deleteTo(0),
  'C-k': (e) => e.deleteTo(e.value.length),
  'C-w': (e) => e.deleteTo(wordStart(e.value, e.cursor, (c) => !SPACE.test(c))),
  'M-BSpace': (e) => e.deleteTo(wordStart(e.value, e.cursor, isWordCharacter)),
  'M-d': (e) => e.deleteTo(wordEnd(e.value, e.cursor)),
  'M-b': (e) => e.moveTo(wordStart(e.value, e.cursor, isWordCharacter)),
  'C-Left': (e) => e.moveTo(wordStart(e.value, e.cursor, isWordCharacter)),
  'M-f': (e) => e.moveTo(wordEnd(e.value, e.cursor)),
  'C-Right': (e) => e.moveTo(wordEnd(e.value, e.cursor)),
};

export class LineEditor {
  private text: string;
  private at: number;

  constructor(value = '') {
    this.text = value;
    this.at = value.length;
  }

  get value(): string {
    return this.text;
  }

  get cursor(): number {
    return this.at;
  }

  /** Replaces the value and puts the cursor at its end. */
  set(value: string): void {
    this.text = value;
    this.at = value.length;
  }

  /** Applies an edit; false when the event is not one the field handles (Enter, Escape, mouse …). */
  apply(event: InputEvent): boolean {
    if (event.kind === 'paste') {
      this.insert(event.text.replace(CONTROL_CHARACTERS, ''));
      return true;
    }
    if (event.kind !== 'key') return false;
    if (isCharKey(event.key)) {
      this.insert(event.key);
      return true;
    }
    const edit = EDITS[event.key];
    edit?.(this);
    return edit !== undefined;
  }

  insert(text: string): void {
    this.text = this.text.slice(0, this.at) + text + this.text.slice(this.at);
    this.at += text.length;
  }

  moveTo(index: number): void {
    this.at = Math.max(0, Math.min(index, this.text.length));
  }

  /** Deletes between the cursor and `index`, on either side of it. */
  deleteTo(index: number): void {
    const [from, to] = index < this.at ? [index, this.at] : [this.at, index];
    this.text = this.text.slice(0, from) + this.text.slice(to);
    this.at = from;
  }
}

function previousGrapheme(text: string, at: number): number {
  let boundary = 0;
  for (const { index } of graphemes().segment(text)) {
    if (index >= at) break;
    boundary = index;
  }
  return boundary;
}

function nextGrapheme(text: string, at: number): number {
  for (const { index, segment } of graphemes().segment(text)) {
    if (index + segment.length > at) return index + segment.length;
  }
  return text.length;
}

function isWordCharacter(character: string): boolean {
  return WORD_CHARACTER.test(character);
}

/** Back over anything that is not a word, then over the word. */
function wordStart(text: string, at: number, inWord: (character: string) => boolean): number {
  while (at > 0 && !inWord(text[at - 1]!)) at--;
  while (at > 0 && inWord(text[at - 1]!)) at--;
  return at;
}

/** Forward over anything that is not a word, then over the word. */
function wordEnd(text: string, at: number): number {
  while (at < text.length && !isWordCharacter(text[at]!)) at++;
  while (at < text.length && isWordCharacter(text[at]!)) at++;
  return at;
}
