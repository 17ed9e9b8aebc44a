/**
 * The review loop in the TUI: what the diff, checkpoints, merge, remove, commit, open-worktree and prune commands do.
 *
 * Each asks the server (through the ReviewPort) and opens the view for the answer: the full-screen diff,
 * the merge dialog, the remove dialog, the prune list. While a request is out the status line says what
 * grove is doing; a refusal becomes a one-line message there. The app hands this controller the little
 * of itself it needs (ReviewUi) and delegates the commands' actions to it.
 */
import type { Widgets } from 'blessed';
import type { CheckpointPort } from '../../core/checkpoints/checkpoint-port.js';
import { moveSummary, type MoveTarget } from '../../core/move/move.js';
import type { RemoveOutcome, SessionDiff, WorktreeRecord } from '../../core/git/review.js';
import { pruneChoices } from '../../core/review/prune-items.js';
import type { RemovalReport, ReviewPort } from '../../core/review/review-port.js';
import { deletesBranchByDefault, losesAnything, removalLoss, removeOutcomeLine } from '../../core/review/summaries.js';
import { handBackLine, syncPreviewLines, syncResultLines } from '../../core/review/sync-lines.js';
import type { SessionHost } from '../../core/session/host.js';
import { nameProblem } from '../../core/session/naming.js';
import type { CheckResult, SessionInfo } from '../../core/session/session.js';
import { CheckpointsView } from '../views/checkpoints-view.js';
import { CompareView } from '../views/compare-view.js';
import { DiffView } from '../views/diff-view.js';
import { MergeDialog } from '../views/merge-dialog.js';
import type { Modal } from '../views/modal.js';
import type { Palette } from '../views/palette.js';
import { PruneView } from '../views/prune-view.js';
import { RemoveDialog } from '../views/remove-dialog.js';

export interface ReviewUi {
  readonly screen: Widgets.Screen;
  readonly palette: Palette;
  readonly host: SessionHost;
  /** Absent when the UI runs without a server that offers the review loop. */
  readonly review: ReviewPort | undefined;
  /** A workspace session's checkpoints; absent likewise. */
  readonly checkpoints: CheckpointPort | undefined;
  /** The folder the UI was started in: prune looks at its repository. */
  readonly cwd: string;
  readonly shell: string;
  session(id: string): SessionInfo | undefined;
  /** The sessions listed. */
  sessions(): readonly SessionInfo[];
  /** Asks a yes/no question in the status line; `onYes` runs only on yes. */
  confirm(question: string, onYes: () => void): void;
  openModal(modal: Modal): void;
  /** Closes `modal` if it is still the one open. */
  closeModal(modal: Modal): void;
  /** A one-line message in the status bar; undefined clears it. */
  message(text: string | undefined): void;
  /** Focuses a session once it is made, unless the focus is set before then (app.ts). */
  focusOnceMade(): (id: string) => void;
  /** The size a new session's pane will have. */
  newSessionSize(): { cols: number; rows: number };
  /** A view's text changed by itself (an answer arrived): draw again. */
  render(): void;
}

export class ReviewController {
  constructor(private readonly ui: ReviewUi) {}

  openDiff(id: string): void {
    const session = this.ui.session(id);
    if (!session) return;
    const against = session.worktree ? `${session.worktree.branch} against ${session.worktree.baseBranch}` : `${session.cwd}, uncommitted changes`;
    this.ask(`reading what ${session.name} changed…`, (review) => review.diff(id), (diff, review) => this.showDiff(session, `${session.name}: ${against}`, diff, review));
  }

  /** The workspace session's checkpoints: Enter shows a turn's diff, `u` undoes it, `r` redoes. */
  openCheckpoints(id: string): void {
    const session = this.ui.session(id);
    const port = this.ui.checkpoints;
    if (!session) return;
    if (!port) return this.ui.message('this grove has no server keeping checkpoints');
    this.waitFor(`reading the checkpoints of ${session.name}…`, port.list(id), (list) => {
      this.ui.openModal(new CheckpointsView(this.ui.screen, this.ui.palette, session.name, list, {
        list: () => port.list(id),
        undo: (options) => port.undo(id, options),
        showDiff: (turn) => this.ask(`reading checkpoint ${turn} of ${session.name}…`, () => port.diff(id, turn), (diff, review) =>
          this.showDiff(session, `${session.name}: checkpoint ${turn}`, diff, review)),
        changed: () => this.ui.render(),
      }));
    });
  }

  /** Moves the session into a worktree of its own, or back into the checkout; says where it went and what went along. */
  moveSession(id: string, to: MoveTarget): void {
    const session = this.ui.session(id);
    const port = this.ui.checkpoints;
    if (!session) return;
    if (!port) return this.ui.message('this grove has no server to move sessions');
    this.waitFor(`moving ${session.name} to ${to === 'worktree' ? 'a worktree' : 'the checkout'}…`, port.move(id, { to }), (outcome) => this.ui.message(moveSummary(outcome).join('; ')));
  }

  private showDiff(session: SessionInfo, title: string, diff: SessionDiff, review: ReviewPort): void {
    this.ui.openModal(new DiffView(this.ui.screen, this.ui.palette, title, diff, session.comments ?? [], {
      comment: (change) => review.comment(session.id, change),
      send: () => review.sendFeedback(session.id).then(({ sent }) => sent),
      changed: () => this.ui.render(),
    }));
  }

  openMerge(id: string): void {
    const session = this.ui.session(id);
    if (!session?.worktree) return;
    const record = session.worktree;
    this.ask(`previewing the merge of ${record.branch}…`, (review) => review.previewMerge(id), (preview, review) => {
      const dialog: MergeDialog = new MergeDialog(this.ui.screen, this.ui.palette, preview, {
        merge: async (options) => {
          const result = await review.merge(id, options);
          if (result.outcome.kind === 'merged') this.offerToRemoveOtherVariants(review, session, result.cleanup !== undefined);
          return result;
        },
        cleanUp: () => this.removeDone(review, id, session.name, record, dialog),
        changed: () => this.ui.render(),
      });
      this.ui.openModal(dialog);
    });
  }

  removeWorktree(id: string): void {
    const session = this.ui.session(id);
    if (!session?.worktree) return;
    const record = session.worktree;
    this.ask(`checking what removing ${session.name} would lose…`, (review) => review.removalReport(id), (report, review) => {
      this.openRemoveDialog(review, id, session.name, record, report);
    });
  }

  commitTurn(id: string): void {
    const session = this.ui.session(id);
    if (!session) return;
    this.ask(`committing ${session.name}…`, (review) => review.commitTurn(id), (turn) => {
      this.ui.message(turn.commit ? `committed turn ${turn.turn} of ${session.name} (${turn.commit.slice(0, 8)})` : `${session.name}: nothing to commit`);
    });
  }

  /** A shell in the worktree, as a session of its own: it shares the worktree, so it works in it as is. */
  openWorktreeShell(id: string): void {
    const session = this.ui.session(id);
    if (!session?.worktree) return;
    const wanted = `${session.name}-shell`;
    const taken = (name: string) => this.ui.session(name) !== undefined;
    const name = nameProblem(wanted) === undefined && !taken(wanted) ? wanted : undefined;
    const focus = this.ui.focusOnceMade();
    this.ui.host
      .create({ ...(name ? { name } : {}), command: this.ui.shell, args: [], cwd: session.cwd, ...this.ui.newSessionSize() })
      .then((shell) => focus(shell.id), (error: Error) => this.ui.message(error.message));
  }

  /** `C-b u`: what comes in from the base, then (asked in the status line) the base merged in; a conflict is aborted. */
  syncWithBase(id: string): void {
    const session = this.ui.session(id);
    if (!session?.worktree) return;
    const { branch } = session.worktree;
    this.ask(`previewing the sync of ${branch}…`, (review) => review.previewSync(id), (preview, review) => {
      const lines = syncPreviewLines(branch, preview);
      if (!preview.behind.length) return this.ui.message(lines[0]!);
      this.ui.message(undefined);
      // A conflict is not the user's to resolve here: it goes to the agent that made the branch, in its worktree.
      const question = preview.clean ? `${lines[0]} (comes in cleanly): merge it in? (y/n)`
        : `${lines[0]}, conflicting in ${preview.conflicts.join(', ')}: hand the conflict to its agent? (y/n)`;
      this.ui.confirm(question, () => {
        this.ask(`syncing ${branch}…`, (port) => port.sync(id, { mode: 'merge', onConflict: 'abort', handBack: !preview.clean }), (result, port) => {
          if (result.kind === 'conflict-left') return this.ui.message(handBackLine(session.name, result.files));
          const said = syncResultLines(branch, preview.baseBranch, result).join('; ');
          if (!result.done || result.cleanup) return this.ui.message(said);
          this.ui.confirm(`${said}: remove its worktree and branch? (y/n)`, () => this.removeDone(port, id, session.name, session.worktree!, undefined));
        });
      });
    });
  }

  /** The variants side by side; a file of two of them, B's against A's, on Enter; `checks` just run, by id. */
  openCompare(ids: readonly string[], checks: ReadonlyMap<string, CheckResult> = new Map()): void {
    const variants = ids.map((id) => this.ui.session(id)).filter((session): session is SessionInfo => session !== undefined);
    this.ask(`comparing ${variants.map((s) => s.name).join(', ')}…`, (review) => Promise.all(variants.map((s) => review.diff(s.id))), (diffs, review) => {
      const table = variants.map((session, i) => ({ name: session.name, files: diffs[i]!.files, check: checks.get(session.id) ?? session.check }));
      this.ui.message(undefined);
      const view: CompareView = new CompareView(this.ui.screen, this.ui.palette, `Compare ${variants[0]!.group ?? ''}`.trim(), table, {
        openFile: (path, a, b) => {
          const [left, right] = [variants[a]!, variants[b]!];
          review.compareFile(left.id, right.id, path).then((diff) => {
            view.showFile(`${path}: ${right.name} against ${left.name}`, diff ? diff.trimEnd().split('\n') : [`${left.name} and ${right.name} have the same ${path}`]);
            this.ui.render();
          }, (error: Error) => this.ui.message(error.message));
        },
        check: () => {
          // One at a time, as `grove compare --check` does: test suites are heavy.
          this.ask(`checking ${variants.map((s) => s.name).join(', ')}…`, async (port) => {
            const results = new Map<string, CheckResult>();
            for (const session of variants) results.set(session.id, await port.check(session.id));
            return results;
          }, (results) => this.openCompare(ids, results));
        },
      });
      this.ui.openModal(view);
    });
  }

  openPrune(): void {
    this.ask('looking for leftover worktrees and branches…', (review) => review.pruneScan(this.ui.cwd), (scan, review) => {
      this.ui.openModal(new PruneView(this.ui.screen, this.ui.palette, scan, {
        prune: (items, confirmedLoss) => review.prune(this.ui.cwd, pruneChoices(items, confirmedLoss)),
        changed: () => this.ui.render(),
      }));
    });
  }

  /**
   * `grove pick` in the UI: once a fan-out's variant is merged, the others are offered for removal (the
   * question waits for the merge dialog to close), or go at once when the configuration cleans up after
   * merges. Those that lose nothing go; one with work to lose gets the remove dialog, which asks for its
   * name typed.
   */
  private offerToRemoveOtherVariants(review: ReviewPort, picked: SessionInfo, cleanUp: boolean): void {
    const others = this.ui.sessions().filter((s) => s.group !== undefined && s.group === picked.group && s.id !== picked.id && s.worktree);
    if (!others.length) return;
    const removeOthers = (): void => {
      void (async () => {
        const lossy: { session: SessionInfo; report: RemovalReport }[] = [];
        const removed: string[] = [];
        for (const other of others) {
          const report = await review.removalReport(other.id);
          const deleteBranch = deletesBranchByDefault(report);
          if (losesAnything(removalLoss(report, deleteBranch)) || report.alsoEnds.length) lossy.push({ session: other, report });
          else removed.push(`${other.name}: ${removeOutcomeLine(await review.remove(other.id, { deleteBranch }), other.worktree!)}`);
        }
        const [first, ...later] = lossy;
        const rest = later.length ? [`${later.map((l) => l.session.name).join(', ')} would lose work too: C-b X on each`] : [];
        if (removed.length || rest.length) this.ui.message([...removed, ...rest].join('; '));
        if (first) this.openRemoveDialog(review, first.session.id, first.session.name, first.session.worktree!, first.report);
      })().catch((error: Error) => this.ui.message(error.message));
    };
    if (cleanUp) removeOthers();
    else this.ui.confirm(`remove the other variants (${others.map((s) => s.name).join(', ')})? (y/n)`, removeOthers);
  }

  private openRemoveDialog(review: ReviewPort, id: string, name: string, record: WorktreeRecord, report: RemovalReport): void {
    const alsoEnd = report.alsoEnds.map((s) => s.id);
    const dialog: RemoveDialog = new RemoveDialog(this.ui.screen, this.ui.palette, name, record, report, {
      remove: (options) => review.remove(id, { ...options, alsoEnd }),
      removed: (outcome) => this.removed(dialog, name, record, outcome),
      changed: () => this.ui.render(),
    });
    this.ui.openModal(dialog);
  }

  /**
   * A session whose work is merged, removed in one key (X after a merge, y after a sync that found it
   * done): at once when nothing would be lost and no other session is open in the worktree, otherwise the
   * remove dialog says what would be lost and which sessions would end. `dialog` is the merge dialog.
   */
  private removeDone(review: ReviewPort, id: string, name: string, record: WorktreeRecord, dialog: MergeDialog | undefined): void {
    review.removalReport(id).then((report) => {
      const deleteBranch = deletesBranchByDefault(report);
      if (losesAnything(removalLoss(report, deleteBranch)) || report.alsoEnds.length) return this.openRemoveDialog(review, id, name, record, report);
      return review.remove(id, { deleteBranch }).then((outcome) => this.removed(dialog, name, record, outcome));
    }).catch((error: Error) => (dialog ? dialog.showError(error.message) : this.ui.message(error.message)));
  }

  private removed(modal: Modal | undefined, name: string, record: WorktreeRecord, outcome: RemoveOutcome): void {
    if (modal) this.ui.closeModal(modal);
    this.ui.message(`${name}: ${removeOutcomeLine(outcome, record)}`);
  }

  /** Says what grove is doing, asks, and hands the answer on; a refusal becomes the message. */
  private ask<T>(doing: string, request: (review: ReviewPort) => Promise<T>, then: (answer: T, review: ReviewPort) => void): void {
    const { review } = this.ui;
    if (!review) return this.ui.message('this grove has no server to review worktrees with');
    this.waitFor(doing, request(review), (answer) => then(answer, review));
  }

  /** Says what grove is doing while `answer` is out, then clears it for `then`, or shows the refusal. */
  private waitFor<T>(doing: string, answer: Promise<T>, then: (answer: T) => void): void {
    this.ui.message(doing);
    answer.then(
      (value) => {
        this.ui.message(undefined);
        then(value);
      },
      (error: Error) => this.ui.message(error.message),
    );
  }
}
