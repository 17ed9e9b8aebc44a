/**
 * The new-session dialog (`prefix c`): a name and a command, each a one-line field, with the defaults
 * shown greyed in the empty fields so that Enter alone accepts them, and the isolation — the checkout
 * itself (workspace) or a worktree of its own — chosen with Space. Below them, an agent may be chosen
 * (its approval mode defaulting to the config's for the isolation, and a first prompt): the Command field
 * then replaces the agent's command line only when it is filled. A request the host refuses — or an agent
 * that is not installed — keeps the dialog open with the reason under the fields: nothing typed is lost.
 * When a worktree cannot be made, the dialog says why and offers workspace isolation, one key away; it
 * never switches by itself. With other machines in the config, a Host row chooses where it runs.
 */
import type { Widgets } from 'blessed';
import { APPROVAL_MODES, type ApprovalMode } from '../../core/agents/profile.js';
import type { InputEvent } from '../../core/keys/input-event.js';
import { CANNOT_CREATE_WORKTREE } from '../../core/review/review-port.js';
import type { Isolation } from '../../core/session/session.js';
import { wrapWords } from '../../core/text/wrap.js';
import { framedBox } from './dialog-box.js';
import type { Modal, ModalResult } from './modal.js';
import { ChoiceRow, type Choice, drawRow, fieldWidthIn, TextRow, textRowCursor, type DialogRow } from './new-session-rows.js';
import { paint, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

export interface NewSessionInput {
  readonly name: string;
  readonly command: string;
  readonly isolation?: Isolation;
  /** An agent profile's name; without one, the command (or the shell) runs as typed. */
  readonly agent?: string;
  readonly mode?: ApprovalMode;
  readonly prompt?: string;
  /** Another machine of the config's hosts to start it on; this one when absent. */
  readonly machine?: string;
}

/** An agent the dialog offers, and whether its command is there to run. */
export interface AgentChoice {
  readonly name: string;
  /** Its command line, for the Command field's placeholder. */
  readonly command: string;
  readonly installed: boolean;
}

export interface NewSessionDefaults {
  /** Command a session runs when none is typed and no agent is chosen. */
  readonly command: string;
  readonly agents: readonly AgentChoice[];
  /** The agent chosen when the dialog opens; none when absent. */
  readonly agent?: string;
  /** The approval mode an agent starts in, by isolation, until the user picks another. */
  readonly approval: Readonly<Record<Isolation, ApprovalMode>>;
  /** Why an agent will not start in a mode for this user (root and Claude Code's bypass), shown before Enter. */
  readonly modeWarning?: (agent: string, mode: ApprovalMode) => string | undefined;
  /** Other machines it may start on (the config's hosts): a Host row offers them when there are any. */
  readonly machines?: readonly string[];
}

const ISOLATIONS: readonly Isolation[] = ['workspace', 'worktree'];
const MAX_ERROR_LINES = 3;

export class NewSessionDialog implements Modal {
  private readonly box: Widgets.BoxElement;
  private readonly name = new TextRow('Name', () => '(from the command)');
  private readonly command: TextRow;
  private readonly isolation = new ChoiceRow<Isolation>('Isolation', ISOLATIONS, (isolation) => isolation, true);
  private readonly machine: ChoiceRow<string | undefined>;
  private readonly agent: ChoiceRow<AgentChoice | undefined>;
  private readonly mode: ChoiceRow<ApprovalMode>;
  private readonly prompt: TextRow;
  private readonly rows: readonly DialogRow[];
  /** Whether the user picked the mode; until then it follows the isolation's default. */
  private modeChosen = false;
  private active = 0;
  private error = '';
  private busy = false;
  /** Set when the worktree could not be made: the hint offers workspace isolation. */
  private offerWorkspace = false;

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
    private readonly defaults: NewSessionDefaults,
    /** Makes the session; resolves to an error message to show, or undefined when done. */
    private readonly submit: (input: NewSessionInput) => Promise<string | undefined>,
    private readonly close: () => void,
  ) {
    const hasAgent = () => this.agent.value !== undefined;
    this.command = new TextRow('Command', () => this.agent.value?.command ?? defaults.command);
    this.agent = new ChoiceRow<AgentChoice | undefined>('Agent', [undefined, ...defaults.agents],
      (agent) => (agent === undefined ? 'none (command above)' : agent.installed ? agent.name : `${agent.name} (not installed)`), false);
    this.agent.value = defaults.agents.find((agent) => agent.name === defaults.agent);
    this.mode = new ChoiceRow<ApprovalMode>('Mode', APPROVAL_MODES, (mode) => mode, true, hasAgent);
    this.mode.value = defaults.approval.workspace;
    this.prompt = new TextRow('Prompt', () => (hasAgent() ? '(optional)' : '(needs an agent)'), hasAgent);
    const machines = defaults.machines ?? [];
    this.machine = new ChoiceRow<string | undefined>('Host', [undefined, ...machines], (machine) => machine ?? 'this machine', machines.length < 3);
    const where = machines.length ? [this.machine] : [];
    this.rows = [this.name, this.command, this.isolation, ...where, this.agent, this.mode, this.prompt];
    this.box = framedBox(screen, palette, 'New session');
    this.layout(screen.width as number, screen.height as number);
  }

  layout(cols: number, rows: number): void {
    const width = Math.min(cols, 64);
    const height = 3 + this.rows.length + Math.max(1, this.errorLines(width - 2).length);
    Object.assign(this.box, { left: Math.floor((cols - width) / 2), top: Math.max(0, Math.floor((rows - height - 1) / 2)), width, height });
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    // While the session is being made, what is typed is for it (the app keeps it until it runs).
    if (this.busy) return 'pass';
    if (event.kind === 'key') {
      switch (event.key) {
        case 'Escape': case 'C-c': return 'done';
        case 'Tab': case 'Down': case 'BTab': case 'Up': {
          const step = event.key === 'BTab' || event.key === 'Up' ? this.rows.length - 1 : 1;
          this.active = (this.active + step) % this.rows.length;
          this.draw();
          return 'open';
        }
        case 'Enter':
          this.accept();
          return 'open';
      }
    }
    const row = this.rows[this.active]!;
    if (row.kind === 'choice') {
      if (event.kind === 'key' && ['Space', 'Left', 'Right', 'h', 'l'].includes(event.key)) this.choose(row, event.key === 'Left' || event.key === 'h' ? -1 : 1);
      return 'open';
    }
    if (row.editor.apply(event)) {
      this.error = '';
      this.draw();
    }
    return 'open';
  }

  cursor(): { x: number; y: number; visible: boolean } {
    const row = this.rows[this.active];
    return row?.kind === 'text' ? textRowCursor(this.box, row, this.active) : { x: 0, y: 0, visible: false };
  }

  dispose(): void {
    this.box.destroy();
  }

  private choose(row: Choice, delta: 1 | -1): void {
    row.step(delta);
    if (row === this.mode) this.modeChosen = true;
    if (row === this.isolation && !this.modeChosen) this.mode.value = this.defaults.approval[this.isolation.value];
    this.error = '';
    this.offerWorkspace = false;
    this.draw();
  }

  private accept(): void {
    const agent = this.agent.value;
    if (!agent && this.prompt.value) {
      this.showError('prompt: choose an agent to give it a prompt');
      return;
    }
    const isolation = this.isolation.value;
    this.busy = true;
    const input: NewSessionInput = {
      name: this.name.value,
      command: this.command.value,
      isolation,
      ...(agent ? { agent: agent.name, mode: this.mode.value, prompt: this.prompt.editor.value } : {}),
      ...(this.machine.value !== undefined ? { machine: this.machine.value } : {}),
    };
    void this.submit(input).then((error) => {
      this.busy = false;
      if (error === undefined) return this.close();
      this.offerWorkspace = isolation === 'worktree' && error.startsWith(CANNOT_CREATE_WORKTREE);
      if (this.offerWorkspace) this.active = this.rows.indexOf(this.isolation);
      this.showError(error);
    });
  }

  private showError(error: string): void {
    this.error = error;
    this.layout(this.box.screen.width as number, this.box.screen.height as number);
  }

  private draw(): void {
    const inner = (this.box.width as number) - 2;
    const { dialog } = this.palette;
    const lines = this.rows.map((row, i) => drawRow(row, i === this.active, this.palette, fieldWidthIn(this.box)));
    const errors = this.errorLines(inner);
    const agent = this.agent.value;
    const warning = agent ? this.defaults.modeWarning?.(agent.name, this.mode.value) : undefined;
    if (errors.length) lines.push(...errors.map((line) => paint(fit(' ' + line, inner), dialog.error)));
    else lines.push(warning ? paint(fit(` ⚠ ${warning}`, inner), dialog.error) : '');
    const onChoice = this.rows[this.active]?.kind === 'choice';
    const hint = this.offerWorkspace
      ? ' Space: use workspace instead · Enter create · Esc cancel'
      : onChoice ? ' Space/←→ switch · Enter create · Tab next field · Esc cancel' : ' Enter create · Tab next field · Esc cancel';
    lines.push(paint(fit(hint, inner), dialog.dim));
    this.box.setContent(lines.join('\n'));
  }

  /** The error, wrapped to the box (a refusal to make a worktree names paths, which can be long). */
  private errorLines(inner: number): string[] {
    const lines = wrapWords(this.error, inner - 2, columns);
    return lines.length > MAX_ERROR_LINES ? [...lines.slice(0, MAX_ERROR_LINES - 1), fit(lines.slice(MAX_ERROR_LINES - 1).join(' '), inner - 2)] : lines;
  }
}
