/**
 * Key names: one spelling for every key, shared by the decoder, the keymap, the help screen and user config.
 *
 * grove spells keys as tmux does. A key is a base, either a printable character (`a`, `A`, `?`, `日`) or a
 * named key (`Enter`, `Up`, `F5` …), behind modifier prefixes in the fixed order `C-` `M-` `S-`. The
 * decoder only ever produces canonical names and parseKeySpec turns whatever a user writes into the same
 * names, so the keymap can compare keys as plain strings.
 *
 * A legacy terminal cannot tell some chords apart: Ctrl+I is Tab, Ctrl+M is Enter, Ctrl+[ is Escape, and
 * Ctrl+A is Ctrl+Shift+A. Those spellings normalise to the key the terminal really sends, because a
 * binding for `C-i` would otherwise be accepted and then never fire.
 */

export const NAMED_KEYS: readonly string[] = [
  'Space', 'Enter', 'Tab', 'BTab', 'Escape', 'BSpace',
  'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PPage', 'NPage', 'IC', 'DC',
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12',
];

/** What users may write for a named key, lower-cased, to its canonical name. */
const NAME_ALIASES: ReadonlyMap<string, string> = new Map([
  ...NAMED_KEYS.map((name) => [name.toLowerCase(), name] as const),
  ['return', 'Enter'], ['esc', 'Escape'], ['backspace', 'BSpace'], ['bs', 'BSpace'],
  ['pageup', 'PPage'], ['pgup', 'PPage'], ['pagedown', 'NPage'], ['pgdn', 'NPage'],
  ['delete', 'DC'], ['del', 'DC'], ['insert', 'IC'], ['ins', 'IC'],
]);

/** Control chords a terminal sends as another key's byte. */
const CONTROL_ALIASES: Readonly<Record<string, string>> = { i: 'Tab', m: 'Enter', '[': 'Escape', '?': 'BSpace' };

export interface Modifiers {
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
}

export const NO_MODIFIERS: Modifiers = { ctrl: false, meta: false, shift: false };

export interface KeyParts extends Modifiers {
  readonly base: string;
}

const KEY_EXPECTED = 'expected a key like "C-a"';

/** True for a key that is a single character (a code point), i.e. text rather than a named key. */
export function isCharKey(key: string): boolean {
  const length = key.length;
  if (length === 1) return true;
  return length === 2 && key.charCodeAt(0) >= 0xd800 && key.charCodeAt(0) <= 0xdbff;
}

/** Splits a canonical key into its modifiers and base: `C-M-a` is ctrl + meta + `a`. */
export function splitKey(key: string): KeyParts {
  let ctrl = false;
  let meta = false;
  let shift = false;
  let at = 0;
  while (key.length - at > 2 && key[at + 1] === '-') {
    const flag = key[at];
    if (flag === 'C') ctrl = true;
    else if (flag === 'M') meta = true;
    else if (flag === 'S') shift = true;
    else break;
    at += 2;
  }
  return { ctrl, meta, shift, base: key.slice(at) };
}

/** Builds the canonical name for a base key under some modifiers (see the paragraph at the top). */
export function composeKey(modifiers: Modifiers, base: string): string {
  let { ctrl, meta, shift } = modifiers;
  if (base === ' ') base = 'Space';
  if (ctrl && isCharKey(base)) {
    if (base >= 'A' && base <= 'Z') base = base.toLowerCase();
    else if (base === '@') base = 'Space';
    const alias = CONTROL_ALIASES[base];
    if (alias) {
      base = alias;
      ctrl = false;
    }
  }
  if (shift && !ctrl && isCharKey(base)) {
    // The character already says whether Shift was down: `A`, `?`.
    base = base.toUpperCase().length === base.length ? base.toUpperCase() : base;
    shift = false;
  }
  if (shift && (base === 'Tab' || base === 'BTab')) {
    base = 'BTab';
    shift = false;
  }
  return (ctrl ? 'C-' : '') + (meta ? 'M-' : '') + (shift ? 'S-' : '') + base;
}

/** Adds modifiers to a canonical key: `C-a` plus meta is `C-M-a`. */
export function addModifiers(key: string, extra: Partial<Modifiers>): string {
  const parts = splitKey(key);
  return composeKey(
    { ctrl: parts.ctrl || !!extra.ctrl, meta: parts.meta || !!extra.meta, shift: parts.shift || !!extra.shift },
    parts.base,
  );
}

const MODIFIER_PREFIX = /^(c|ctrl|control|m|meta|alt|s|shift)-(.+)$/isu;
const CARET = /^\^([A-Za-z@[\\\]^_?])$/u;
const PRINTABLE = /^[^\p{Cc}\s]$/u;

/**
 * Turns what a user writes (`c-a`, `^A`, `PageUp`, `M-X`) into a canonical key name, or explains that it
 * is not a key. Modifier letters and named keys are case-insensitive; a character keeps its case.
 */
export function parseKeySpec(spec: string): { ok: true; key: string } | { ok: false; error: string } {
  const failure = { ok: false as const, error: KEY_EXPECTED };
  if (spec === ' ') return { ok: true, key: 'Space' };
  const text = spec.trim();
  const caret = CARET.exec(text);
  if (caret) return { ok: true, key: composeKey({ ...NO_MODIFIERS, ctrl: true }, caret[1]!) };

  let ctrl = false;
  let meta = false;
  let shift = false;
  let rest = text;
  for (let match = MODIFIER_PREFIX.exec(rest); match; match = MODIFIER_PREFIX.exec(rest)) {
    const flag = match[1]!.toLowerCase();
    if (flag.startsWith('c')) ctrl = true;
    else if (flag.startsWith('m') || flag === 'alt') meta = true;
    else shift = true;
    rest = match[2]!;
  }

  const named = NAME_ALIASES.get(rest.toLowerCase());
  if (named) return { ok: true, key: composeKey({ ctrl, meta, shift }, named) };
  if (!PRINTABLE.test(rest)) return failure;
  // Shift+1 is `!` on one keyboard and `+` on another: only letters have an unambiguous shifted form.
  if (shift && rest.toUpperCase() === rest.toLowerCase()) return failure;
  return { ok: true, key: composeKey({ ctrl, meta, shift }, rest) };
}
