/**
 * A scrolling text overlay (j/k, arrows, Space/PgUp/PgDn; q, Escape or Enter close it), and the two
 * things shown in one: the help (`prefix ?`), every key binding with its description generated from the
 * keymap table so it cannot drift from what the keys do, copy mode's keys in a section of their own; and
 * the conflict matrix (`prefix C`).
 */
import type { Widgets } from 'blessed';
import { prefixClashes, type AgentProfile } from '../../core/agents/profile.js';
import type { InputEvent } from '../../core/keys/input-event.js';
import { helpSections } from '../../core/keymap/help.js';
import type { Keymap } from '../../core/keymap/keymap.js';
import { framedBox } from './dialog-box.js';
import type { Modal, ModalResult } from './modal.js';
import { paint, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

/**
 * The help's lines, as `prefix ?` shows them and `grove keys` prints them: each binding's keys, aligned
 * across sections, and its description; titled sections after a blank line; last, the agents' own keys
 * that the prefix takes from them.
 */
export function helpLines(keymap: Keymap, agents: readonly AgentProfile[] = []): string[] {
  const clashes = prefixClashes(agents, keymap.prefix, keymap.keysFor('send-prefix')[0]);
  const sections = helpSections(keymap);
  const keyWidth = Math.max(...sections.flatMap((section) => section.rows.map((r) => columns(r.keys))), 4);
  return [
    ...sections.flatMap((section) => [
      ...(section.title ? ['', section.title] : []),
      ...section.rows.map((r) => `${fit(r.keys, keyWidth)}  ${r.description}`),
    ]),
    ...(clashes.length ? ['', "Your agents' keys", ...clashes] : []),
  ];
}

export class TextOverlay implements Modal {
  private readonly box: Widgets.BoxElement;
  private top = 0;
  private height = 0;

  constructor(screen: Widgets.Screen, title: string, private readonly lines: readonly string[], private readonly palette: Palette) {
    this.box = framedBox(screen, palette, title);
    this.layout(screen.width as number, screen.height as number);
  }

  layout(cols: number, rows: number): void {
    const contentWidth = Math.max(...this.lines.map(columns), 30);
    const width = Math.min(cols, contentWidth + 4);
    const height = Math.min(rows - 1, this.lines.length + 3);
    Object.assign(this.box, { left: Math.floor((cols - width) / 2), top: Math.max(0, Math.floor((rows - 1 - height) / 2)), width, height });
    this.height = Math.max(1, height - 3);
    this.top = Math.min(this.top, Math.max(0, this.lines.length - this.height));
    this.draw(width - 2);
  }

  handle(event: InputEvent): ModalResult {
    if (event.kind !== 'key') return 'open';
    const max = Math.max(0, this.lines.length - this.height);
    switch (event.key) {
      case 'q': case 'Escape': case 'Enter': case 'C-c':
        return 'done';
      case 'Down': case 'j': this.top = Math.min(max, this.top + 1); break;
      case 'Up': case 'k': this.top = Math.max(0, this.top - 1); break;
      case 'NPage': case 'Space': this.top = Math.min(max, this.top + this.height); break;
      case 'PPage': this.top = Math.max(0, this.top - this.height); break;
      default: return 'open';
    }
    this.draw((this.box.width as number) - 2);
    return 'open';
  }

  cursor(): undefined {
    return undefined;
  }

  private draw(innerWidth: number): void {
    const shown = this.lines.slice(this.top, this.top + this.height).map((l) => ' ' + fit(l, innerWidth - 1));
    const more = this.lines.length > this.height ? ` ${this.top + 1}–${this.top + shown.length} of ${this.lines.length} · ` : ' ';
    shown.push(paint(fit(`${more}q closes`, innerWidth), this.palette.dialog.dim));
    this.box.setContent(shown.join('\n'));
  }

  dispose(): void {
    this.box.destroy();
  }
}
