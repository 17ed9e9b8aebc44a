/**
 * The diff view (`prefix D`): a full-screen, scrollable review of what a session changed — its commits,
 * the diffstat, then every file's patch in colour — with the list of files down the left (on screens wide
 * enough) and the current one marked. j/k and the arrows move the cursor, PgUp/PgDn page, g/G go to the
 * top and the end, n/p or Tab/S-Tab jump between files, q or Escape close it.
 *
 * It is also where a review round is written: `c` comments on the cursor's line (or the lines selected
 * with `v`), `d` on a comment drops it, and Enter types the comments not yet sent to the agent as one
 * prompt (core/review/feedback.ts). Comments show under the lines they are on.
 *
 * The document and where the reader is in it are pure (src/core/review); this draws them. Each row is
 * fitted to the screen's width here, never wrapped, so a long line is cut rather than pushing the rest down.
 */
import { box } from '../../io/screen-widgets.js';
import type { Widgets } from 'blessed';
import type { InputEvent } from '../../core/keys/input-event.js';
import { windowStart } from '../../core/layout/list-window.js';
import { diffDocument, statEntry, totalsLine, type DiffDocument, type DiffLine } from '../../core/review/diff-document.js';
import { DiffPager } from '../../core/review/diff-pager.js';
import { placeLabel, selectionComment, unsent, type CommentChange, type CommentPlace, type ReviewComment } from '../../core/review/feedback.js';
import { plural } from '../../core/git/refusal.js';
import type { SessionDiff } from '../../core/git/review.js';
import { LineEditor } from '../../core/text/line-editor.js';
import type { Modal, ModalResult } from './modal.js';
import { paint, type Ink, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

/** Below this width the file list would leave too little room for the patches. */
const LIST_MIN_SCREEN = 90;
const HINT = ' c comment · v select · ⏎ send · n/p files · q close';

/** What the view asks of the server: the session's comments changed, and the unsent ones typed to the agent. */
export interface DiffReview {
  comment(change: CommentChange): Promise<ReviewComment[]>;
  send(): Promise<number>;
  /** The view changed by itself (an answer arrived): draw the screen again. */
  changed(): void;
}

export class DiffView implements Modal {
  private readonly box: Widgets.BoxElement;
  private doc: DiffDocument;
  private pager: DiffPager;
  private cols = 0;
  private rows = 0;
  /** The other end of the selection `v` started, if one is being made. */
  private anchor: number | undefined;
  /** The comment being written, and the lines it is on. */
  private writing: { editor: LineEditor; place: CommentPlace; quote: string[] } | undefined;
  /** A line for the bottom row in place of the hint, until the next key. */
  private note: string | undefined;

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
    /** What the title says is being compared ("feat: grove/feat against main"). */
    private readonly title: string,
    private readonly diff: SessionDiff,
    private comments: readonly ReviewComment[],
    private readonly review: DiffReview,
  ) {
    this.doc = diffDocument(diff, comments);
    this.pager = new DiffPager(this.doc);
    this.box = box({ parent: screen, wrap: false, left: 0, top: 0 });
    this.layout(screen.width as number, screen.height as number);
  }

  layout(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    Object.assign(this.box, { left: 0, top: 0, width: cols, height: rows });
    this.pager.setHeight(rows - 2);
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    if (this.writing) return this.write(event);
    if (event.kind !== 'key') return 'open';
    this.note = undefined;
    const { pager } = this;
    switch (event.key) {
      case 'Escape': case 'C-c':
        if (this.anchor === undefined) return 'done';
        this.anchor = undefined;
        break;
      case 'q': return 'done';
      case 'j': case 'Down': pager.scroll(1); break;
      case 'k': case 'Up': pager.scroll(-1); break;
      case 'NPage': case 'Space': pager.page(1); break;
      case 'PPage': pager.page(-1); break;
      case 'g': case 'Home': pager.home(); break;
      case 'G': case 'End': pager.end(); break;
      case 'n': case 'Tab': pager.nextFile(); break;
      case 'p': case 'BTab': pager.previousFile(); break;
      case 'v': this.anchor = this.anchor === undefined ? pager.cursor : undefined; break;
      case 'c': this.startComment(); break;
      case 'd': this.dropComment(); break;
      case 'Enter': this.send(); break;
      default: return 'open';
    }
    this.draw();
    return 'open';
  }

  cursor(): { x: number; y: number; visible: boolean } | undefined {
    if (!this.writing) return undefined;
    const { editor } = this.writing;
    const before = this.prompt() + editor.value.slice(0, editor.cursor);
    return { x: Math.min(this.cols - 1, columns(before)), y: this.rows - 1, visible: true };
  }

  dispose(): void {
    this.box.destroy();
  }

  private startComment(): void {
    const [from, to] = this.selection();
    const target = selectionComment(this.doc.lines.slice(from, to + 1));
    if (typeof target === 'string') this.note = target;
    else this.writing = { editor: new LineEditor(), ...target };
  }

  private write(event: InputEvent): ModalResult {
    const writing = this.writing!;
    if (event.kind === 'key' && (event.key === 'Escape' || event.key === 'C-c')) this.writing = undefined;
    else if (event.kind === 'key' && event.key === 'Enter') {
      this.writing = undefined;
      this.anchor = undefined;
      if (writing.editor.value.trim()) this.change({ add: { ...writing.place, quote: writing.quote, text: writing.editor.value } });
    } else writing.editor.apply(event);
    this.draw();
    return 'open';
  }

  private dropComment(): void {
    const index = this.doc.lines[this.pager.cursor]?.comment;
    if (index === undefined) this.note = 'd drops a comment: put the cursor on one';
    else this.change({ drop: index });
  }

  private send(): void {
    const count = unsent(this.comments).length;
    if (!count) {
      this.note = 'no comments to send: c on a line writes one';
      return;
    }
    this.note = `typing ${plural(count, 'comment')} to the agent…`;
    this.review.send().then((sent) => {
      this.comments = this.comments.map((comment) => ({ ...comment, sent: true }));
      this.rebuild(`typed ${plural(sent, 'comment')} to the agent; they show here until its turn ends`);
    }, (error: Error) => this.rebuild(error.message));
  }

  private change(change: CommentChange): void {
    this.review.comment(change).then((comments) => {
      this.comments = comments;
      this.rebuild(undefined);
    }, (error: Error) => this.rebuild(error.message));
  }

  /** The document again with the comments as they are now, the cursor on the line it was on. */
  private rebuild(note: string | undefined): void {
    const onLine = this.doc.lines[this.pager.cursor];
    const [top, cursor] = [this.pager.top, this.pager.cursor];
    this.doc = diffDocument(this.diff, this.comments);
    this.pager = new DiffPager(this.doc);
    this.pager.setHeight(this.rows - 2);
    const same = onLine?.at && this.doc.lines.findIndex((line) => line.at?.path === onLine.at!.path && line.at.side === onLine.at!.side && line.at.line === onLine.at!.line);
    this.pager.place(top, typeof same === 'number' && same >= 0 ? same : cursor);
    this.note = note;
    this.draw();
    this.review.changed();
  }

  /** The lines selected: from the anchor to the cursor, or the cursor's line alone. */
  private selection(): [number, number] {
    const { cursor } = this.pager;
    const anchor = this.anchor ?? cursor;
    return [Math.min(anchor, cursor), Math.max(anchor, cursor)];
  }

  private prompt(): string {
    return this.writing ? ` comment on ${placeLabel(this.writing.place)}: ` : '';
  }

  private draw(): void {
    const { cols, rows, pager, doc, palette } = this;
    const listWidth = cols >= LIST_MIN_SCREEN && doc.files.length ? Math.min(40, Math.floor(cols * 0.3)) : 0;
    const bodyWidth = cols - (listWidth ? listWidth + 1 : 0);
    const current = pager.currentFile();
    const stats = doc.files.map((f) => f.stat);
    const waiting = unsent(this.comments).length;
    const title = ` ${this.title} · ${totalsLine(stats)}${waiting ? ` · ${plural(waiting, 'comment')} to send` : ''}`;
    const lines = [paint(fit(title, cols), palette.statusBar.bar)];
    const listTop = windowStart(current, doc.files.length, rows - 2);
    const [from, to] = this.selection();
    for (let row = 0; row < rows - 2; row++) {
      const index = pager.top + row;
      const line = doc.lines[index];
      const ink = index >= from && index <= to ? palette.sidebar.focused : line ? this.inkOf(line) : undefined;
      const body = line ? paint(fit(line.text, bodyWidth), ink!) : ' '.repeat(Math.max(0, bodyWidth));
      if (!listWidth) {
        lines.push(body);
        continue;
      }
      const entryIndex = listTop + row;
      const stat = stats[entryIndex];
      const entry = stat ? statEntry(stat, listWidth, columns) : ' '.repeat(listWidth);
      const listInk = entryIndex === current ? palette.sidebar.focused : palette.sidebar.text;
      lines.push(`${paint(entry, listInk)}${paint('│', palette.border.unfocused)}${body}`);
    }
    lines.push(this.bottomRow(current));
    this.box.setContent(lines.join('\n'));
  }

  private bottomRow(current: number): string {
    const { cols, palette, doc, pager } = this;
    if (this.writing) return paint(fit(this.prompt() + this.writing.editor.value, cols), palette.statusBar.bar);
    if (this.note) return paint(fit(` ${this.note}`, cols), palette.statusBar.bar);
    if (this.anchor !== undefined) {
      const [from, to] = this.selection();
      return paint(fit(` ${plural(to - from + 1, 'line')} selected · c comments on them · Esc clears`, cols), palette.statusBar.bar);
    }
    const where = current >= 0 ? `file ${current + 1} of ${doc.files.length}` : plural(doc.files.length, 'file');
    const shown = `${where} · line ${pager.cursor + 1} of ${doc.lines.length}`;
    const gap = Math.max(1, cols - columns(HINT) - shown.length - 1);
    return paint(fit(`${HINT}${' '.repeat(gap)}${shown}`, cols), palette.dialog.dim);
  }

  private inkOf(line: DiffLine): Ink {
    const { diff, sidebar } = this.palette;
    const plain: Ink = { fg: 'default', bg: 'default' };
    switch (line.kind) {
      case 'added': return diff.added;
      case 'removed': return diff.removed;
      case 'hunk': return diff.hunk;
      case 'file': case 'heading': return diff.header;
      case 'comment': return { ...sidebar.status.waiting, bg: 'default' };
      case 'meta': case 'commit': return { ...sidebar.dim, bg: 'default' };
      default: return plain;
    }
  }
}
