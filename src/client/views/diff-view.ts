/**
 * The diff view (`prefix D`): a full-screen, scrollable review of what a session changed — its commits,
 * the diffstat, then every file's patch in colour — with the list of files down the left (on screens wide
 * enough) and the current one marked. j/k and the arrows scroll, PgUp/PgDn page, g/G go to the top and
 * the end, n/p or Tab/S-Tab jump between files, q or Escape close it.
 *
 * The document and where the reader is in it are pure (src/core/review); this draws them. Each row is
 * fitted to the screen's width here, never wrapped, so a long line is cut rather than pushing the rest down.
 */
import { box } from '../../io/screen-widgets.js';
import type { Widgets } from 'blessed';
import type { InputEvent } from '../../core/keys/input-event.js';
import { diffDocument, statEntry, totalsLine, type DiffDocument, type DiffLine } from '../../core/review/diff-document.js';
import { DiffPager } from '../../core/review/diff-pager.js';
import { plural } from '../../core/git/refusal.js';
import type { SessionDiff } from '../../core/git/review.js';
import type { Modal, ModalResult } from './modal.js';
import { paint, type Ink, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

/** Below this width the file list would leave too little room for the patches. */
const LIST_MIN_SCREEN = 90;

export class DiffView implements Modal {
  private readonly box: Widgets.BoxElement;
  private readonly doc: DiffDocument;
  private readonly pager: DiffPager;
  private cols = 0;
  private rows = 0;

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
    /** What the title says is being compared ("feat: grove/feat against main"). */
    private readonly title: string,
    diff: SessionDiff,
  ) {
    this.doc = diffDocument(diff);
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
    if (event.kind !== 'key') return 'open';
    const { pager } = this;
    switch (event.key) {
      case 'q': case 'Escape': case 'C-c': return 'done';
      case 'j': case 'Down': case 'Enter': pager.scroll(1); break;
      case 'k': case 'Up': pager.scroll(-1); break;
      case 'NPage': case 'Space': pager.page(1); break;
      case 'PPage': pager.page(-1); break;
      case 'g': case 'Home': pager.home(); break;
      case 'G': case 'End': pager.end(); break;
      case 'n': case 'Tab': pager.nextFile(); break;
      case 'p': case 'BTab': pager.previousFile(); break;
      default: return 'open';
    }
    this.draw();
    return 'open';
  }

  cursor(): undefined {
    return undefined;
  }

  dispose(): void {
    this.box.destroy();
  }

  private draw(): void {
    const { cols, rows, pager, doc, palette } = this;
    const listWidth = cols >= LIST_MIN_SCREEN && doc.files.length ? Math.min(40, Math.floor(cols * 0.3)) : 0;
    const bodyWidth = cols - (listWidth ? listWidth + 1 : 0);
    const current = pager.currentFile();
    const stats = doc.files.map((f) => f.stat);
    const title = ` ${this.title} · ${totalsLine(stats)}`;
    const lines = [paint(fit(title, cols), palette.statusBar.bar)];
    const listTop = Math.max(0, Math.min(current - Math.floor((rows - 2) / 2), doc.files.length - (rows - 2)));
    for (let row = 0; row < rows - 2; row++) {
      const line = doc.lines[pager.top + row];
      const body = line ? paint(fit(line.text, bodyWidth), this.inkOf(line)) : ' '.repeat(Math.max(0, bodyWidth));
      if (!listWidth) {
        lines.push(body);
        continue;
      }
      const index = listTop + row;
      const stat = stats[index];
      const entry = stat ? statEntry(stat, listWidth, columns) : ' '.repeat(listWidth);
      const listInk = index === current ? palette.sidebar.focused : palette.sidebar.text;
      lines.push(`${paint(entry, listInk)}${paint('│', palette.border.unfocused)}${body}`);
    }
    const where = current >= 0 ? `file ${current + 1} of ${doc.files.length}` : plural(doc.files.length, 'file');
    const shown = `${where} · line ${pager.top + 1} of ${doc.lines.length}`;
    const hint = ' n/p files · j/k scroll · PgUp/PgDn · g/G top/end · q close';
    const gap = Math.max(1, cols - hint.length - shown.length - 1);
    lines.push(paint(fit(`${hint}${' '.repeat(gap)}${shown}`, cols), palette.dialog.dim));
    this.box.setContent(lines.join('\n'));
  }

  private inkOf(line: DiffLine): Ink {
    const { diff, sidebar } = this.palette;
    const plain: Ink = { fg: 'default', bg: 'default' };
    switch (line.kind) {
      case 'added': return diff.added;
      case 'removed': return diff.removed;
      case 'hunk': return diff.hunk;
      case 'file': case 'heading': return diff.header;
      case 'meta': case 'commit': return { ...sidebar.dim, bg: 'default' };
      default: return plain;
    }
  }
}
