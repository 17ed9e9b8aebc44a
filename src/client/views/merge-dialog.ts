/**
 * The merge dialog (`prefix m`): the preview first — the commits, the diffstat, whether the merge would
 * conflict and where, and what happens to work not yet committed — with the method and what to do on a
 * conflict, each a setting the dialog shows: m, s and r choose a merge commit, a squash or a rebase; c
 * switches between aborting a conflict (everything goes back as it was, the default) and leaving it in the
 * main checkout to resolve. Choosing never merges: Enter does, exactly as shown. After a successful merge,
 * X removes the worktree and the branch.
 */
import type { Widgets } from 'blessed';
import type { ConflictChoice, MergeMode, MergeOptions } from '../../core/git/review.js';
import type { InputEvent } from '../../core/keys/input-event.js';
import type { MergeResult, MergeReview } from '../../core/review/review-port.js';
import { hasSomethingToMerge, mergeResultLines, mergeReviewLines } from '../../core/review/summaries.js';
import { DialogBox, type DialogLine } from './dialog-box.js';
import type { Modal, ModalResult } from './modal.js';
import type { Palette } from './palette.js';

export interface MergeDialogActions {
  merge(options: MergeOptions): Promise<MergeResult>;
  /** Removes the worktree and the branch after the merge (the controller takes over from here). */
  cleanUp(): void;
  /** The dialog's text changed while nothing was typed (an answer arrived). */
  changed(): void;
}

type State =
  | { readonly kind: 'preview' }
  | { readonly kind: 'merging'; readonly mode: MergeMode }
  | { readonly kind: 'done'; readonly result: MergeResult }
  | { readonly kind: 'failed'; readonly error: string };

const MODE_KEYS: Readonly<Record<string, MergeMode>> = { m: 'merge', s: 'squash', r: 'rebase' };

const MODE_LINES: Readonly<Record<MergeMode, string>> = {
  merge: 'method: merge commit (m) · squash (s) · rebase (r)',
  squash: 'method: squash into one commit (s) · merge commit (m) · rebase (r)',
  rebase: 'method: rebase, then fast-forward (r) · merge commit (m) · squash (s)',
};

const CONFIRM_WORDS: Readonly<Record<MergeMode, string>> = { merge: 'merges', squash: 'squashes', rebase: 'rebases' };

export class MergeDialog implements Modal {
  private readonly box: DialogBox;
  private state: State = { kind: 'preview' };
  private onConflict: ConflictChoice = 'abort';
  private mode: MergeMode = 'merge';

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
    private readonly review: MergeReview,
    private readonly actions: MergeDialogActions,
  ) {
    this.box = new DialogBox(screen, palette, `Merge ${review.session}`);
    this.draw();
  }

  /** Shown when the cleanup after the merge could not run. */
  showError(error: string): void {
    this.state = { kind: 'failed', error };
    this.draw();
    this.actions.changed();
  }

  handle(event: InputEvent): ModalResult {
    if (event.kind !== 'key') return 'open';
    const { key } = event;
    const { state } = this;
    if (state.kind === 'merging') return 'open';
    if (key === 'Escape' || key === 'q' || key === 'C-c') return 'done';
    if (state.kind === 'preview' && hasSomethingToMerge(this.review)) {
      const mode = MODE_KEYS[key];
      if (mode) this.mode = mode;
      if (key === 'c') this.onConflict = this.onConflict === 'abort' ? 'leave' : 'abort';
      if (key === 'Enter') this.start(this.mode);
      this.draw();
      return 'open';
    }
    if (state.kind === 'done' && state.result.outcome.kind === 'merged' && !state.result.cleanup && key === 'X') {
      this.actions.cleanUp();
      return 'open';
    }
    if (state.kind !== 'preview' && key === 'Enter') return 'done';
    return 'open';
  }

  layout(cols: number, rows: number): void {
    this.box.layout(cols, rows);
  }

  cursor(): undefined {
    return undefined;
  }

  dispose(): void {
    this.box.dispose();
  }

  private start(mode: MergeMode): void {
    this.state = { kind: 'merging', mode };
    this.actions.merge({ mode, onConflict: this.onConflict }).then(
      (result) => (this.state = { kind: 'done', result }),
      (error: Error) => (this.state = { kind: 'failed', error: error.message }),
    ).finally(() => {
      this.draw();
      this.actions.changed();
    });
  }

  private draw(): void {
    const { state, review } = this;
    switch (state.kind) {
      case 'preview': {
        const can = hasSomethingToMerge(review);
        const conflict = this.onConflict === 'abort'
          ? 'on a conflict: abort, putting everything back as it was'
          : `on a conflict: leave it in the main checkout to resolve`;
        return this.box.show({
          lines: [...this.previewLines(), ...(can ? ['', MODE_LINES[this.mode], `${conflict} (c)`] : [])],
          hint: can ? `Enter ${CONFIRM_WORDS[this.mode]} · m/s/r method · c on conflict · Esc cancel` : 'nothing to merge · Esc closes',
        });
      }
      case 'merging':
        return this.box.show({ lines: [...this.previewLines(), '', `${state.mode === 'merge' ? 'merging' : state.mode === 'squash' ? 'squashing' : 'rebasing'}…`], hint: 'please wait' });
      case 'done': {
        const { outcome, committed } = state.result;
        const merged = outcome.kind === 'merged';
        const outcomeLine = committed ? 1 : 0;
        const ink = merged ? this.good() : outcome.kind === 'up-to-date' ? undefined : this.bad();
        return this.box.show({
          lines: mergeResultLines(state.result, review).map((text, i) => (i === outcomeLine && ink ? { text, ink } : text)),
          hint: merged && !state.result.cleanup ? 'X removes the worktree and branch · Esc keeps them' : 'Esc closes',
        });
      }
      case 'failed':
        return this.box.show({ lines: this.previewLines(), error: state.error, hint: 'Esc closes' });
    }
  }

  private previewLines(): DialogLine[] {
    return mergeReviewLines(this.review).map((text) =>
      text.startsWith('✓') ? { text, ink: this.good() } : text.startsWith('✗') ? { text, ink: this.bad() } : text);
  }

  private good() {
    return { ...this.palette.dialog.box, fg: this.palette.diff.added.fg };
  }

  private bad() {
    return { ...this.palette.dialog.box, fg: this.palette.diff.removed.fg };
  }
}
