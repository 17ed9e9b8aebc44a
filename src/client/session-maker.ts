/**
 * Making sessions from the UI: the new-session dialog (`C-b c`) on this machine or another, the fan-out
 * dialog (`C-b F`), and the session a repository with none starts with.
 *
 * What is typed while a session is being made is for it: kept, and delivered in order once it runs, as a
 * terminal keeps typeahead (the keys after `C-b c` and Enter, or before the first session exists) — `hold`
 * takes it meanwhile. The first time this UI starts an agent that binds the prefix, it says how to send it
 * the key. The app hands this the little of itself it needs (MakerUi).
 */
import { basename } from 'node:path';
import type { Widgets } from 'blessed';
import { prefixClashes } from '../core/agents/profile.js';
import type { Keymap } from '../core/keymap/keymap.js';
import type { SessionHost } from '../core/session/host.js';
import type { SessionInfo } from '../core/session/session.js';
import { fanoutFromForm, type FanoutInput } from './fanout.js';
import type { Machines } from './hosts/host-set.js';
import { newSessionDefaults, newSessionRequest, type AgentLauncher } from './new-session-request.js';
import { FanoutDialog } from './views/fanout-dialog.js';
import type { Modal } from './views/modal.js';
import { NewSessionDialog, type NewSessionInput } from './views/new-session-dialog.js';
import type { Palette } from './views/palette.js';

export interface MakerUi {
  readonly screen: Widgets.Screen;
  readonly palette: Palette;
  readonly host: SessionHost;
  readonly keymap: Keymap;
  readonly agents: AgentLauncher;
  readonly cwd: string;
  readonly shell: string;
  readonly machines: Machines | undefined;
  readonly fanout: { run(input: FanoutInput): Promise<SessionInfo[]>; readPlan(path: string): string } | undefined;
  openModal(modal: Modal): void;
  closeModal(): void;
  focus(id: string): void;
  message(text: string): void;
  /** Types into the focused session as keys do (after its layout is drawn). */
  sendToFocused(data: string): void;
  /** The size a new session's pane will have. */
  newSessionSize(): { cols: number; rows: number };
  render(): void;
}

export class SessionMaker {
  /** Input typed while a session is being made, for it. */
  private typeahead: string[] | undefined;
  /** Agents whose prefix clash this UI has already told of. */
  private readonly toldClashes = new Set<string>();

  constructor(private readonly ui: MakerUi) {}

  /** Keeps what is typed while a session is being made; whether it did. */
  hold(data: string): boolean {
    this.typeahead?.push(data);
    return this.typeahead !== undefined;
  }

  /** Starts a session running the default command, as tmux does when it starts with none. */
  async createDefault(): Promise<void> {
    const error = await this.create({ name: '', command: '' });
    if (error) this.ui.message(error);
  }

  openNewSessionDialog(): void {
    const machines = this.ui.machines?.names ?? [];
    const defaults = { ...newSessionDefaults(this.ui.shell, this.ui.agents), ...(machines.length ? { machines } : {}) };
    this.ui.openModal(new NewSessionDialog(this.ui.screen, this.ui.palette, defaults,
      // The dialog redraws itself with the answer (an error stays in it): the screen must follow.
      (input) => this.create(input).finally(() => this.ui.render()), () => this.ui.closeModal()));
  }

  openFanoutDialog(): void {
    const { fanout } = this.ui;
    if (!fanout) return this.ui.message('this grove has no server to make worktrees with');
    const agent = this.ui.agents.catalog.defaultAgent ?? 'claude';
    this.ui.openModal(new FanoutDialog(this.ui.screen, this.ui.palette, agent, async (form) => {
      try {
        const input = fanoutFromForm(form, { agent, cwd: this.ui.cwd, readPlan: fanout.readPlan });
        const made = await fanout.run({ ...input, size: this.ui.newSessionSize() });
        this.ui.focus(made[0]!.id);
        this.ui.message(`started ${made.map((session) => session.name).join(', ')}`);
        return undefined;
      } catch (err) {
        return (err as Error).message;
      } finally {
        this.ui.render();
      }
    }, () => this.ui.closeModal()));
  }

  /** Makes the session the dialog describes; the reason it could not, for the dialog to show. */
  private async create(input: NewSessionInput): Promise<string | undefined> {
    const { machine } = input;
    // Another machine's PATH is not this one's: whether an agent is installed there, its server says.
    const launcher = machine ? { ...this.ui.agents, resolveCommand: (command: string) => command } : this.ui.agents;
    const launch = newSessionRequest(input, machine ? basename(this.ui.shell) : this.ui.shell, launcher);
    if (!launch.ok) return launch.message;
    const typeahead: string[] = [];
    this.typeahead = typeahead;
    try {
      const request = {
        ...(input.name ? { name: input.name } : {}),
        ...launch.request,
        cwd: this.ui.cwd,
        ...(input.isolation === 'worktree' ? { isolation: 'worktree' as const } : {}),
        ...this.ui.newSessionSize(),
      };
      const session = machine && this.ui.machines ? await this.ui.machines.createOn(machine, request) : await this.ui.host.create(request);
      this.ui.focus(session.id);
      if (this.typeahead === typeahead) this.typeahead = undefined;
      if (typeahead.length) this.ui.sendToFocused(typeahead.join(''));
      this.tellPrefixClash(session.agent);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    } finally {
      if (this.typeahead === typeahead) this.typeahead = undefined;
    }
  }

  private tellPrefixClash(agent: string): void {
    if (this.toldClashes.has(agent)) return;
    this.toldClashes.add(agent);
    const profile = this.ui.agents.catalog.profiles.find((p) => p.name === agent);
    const { keymap } = this.ui;
    const [clash] = profile ? prefixClashes([profile], keymap.prefix, keymap.keysFor('send-prefix')[0]) : [];
    if (clash) this.ui.message(clash);
  }
}
