/**
 * Agent profiles: everything grove knows about starting one kind of coding agent and reading its state.
 *
 * A profile is plain data — a command, the extra arguments for each approval mode, how an initial prompt
 * is handed over, the arguments that resume the last conversation, and the status rules that read its
 * screen — so built-in profiles (agents/builtin/) and the ones users write in their config file have one
 * shape, and `customizeProfile` layers the latter over the former.
 */
import type { ConversationStore } from './conversations.js';
import type { Isolation } from '../session/session.js';
import type { StatusRule } from '../status/rules.js';
import type { HookStyle } from './hooks.js';

export const APPROVAL_MODES = ['default', 'bypass', 'autopilot'] as const;

/**
 * `default`: the agent asks before it acts. `bypass`: it acts without asking. `autopilot`: it also keeps
 * going on its own until the task is done, where the agent has such a mode (elsewhere it is `bypass`).
 */
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

export interface AgentProfile {
  /** What users call it: `claude`, `codex`, `shell`. */
  readonly name: string;
  /** What the UI shows: `Claude Code`. */
  readonly label: string;
  readonly command: string;
  /** Arguments always passed, before any other. */
  readonly args: readonly string[];
  readonly modeArgs: Readonly<Record<ApprovalMode, readonly string[]>>;
  /**
   * `argument`: the initial prompt goes on the command line, after `promptFlag` or, without one, as the
   * last positional argument. `type`: it is typed into the pane once the agent first reaches idle.
   */
  readonly prompt: 'argument' | 'type';
  readonly promptFlag?: string;
  /** Arguments that make the agent continue its most recent conversation in this folder; [] if it cannot. */
  readonly resumeArgs: readonly string[];
  /**
   * Conversations by id, `{id}` standing for it: `start` gives a new conversation the id grove chose (so
   * grove knows it from the first moment), `resume` continues exactly that one. An agent without `start`
   * tells its id through its hooks.
   */
  readonly conversation?: {
    readonly start?: readonly string[];
    readonly resume: readonly string[];
    /** Where its conversations are filed by folder, when they are (core/agents/conversations.ts); else one store serves every folder. */
    readonly store?: ConversationStore;
  };
  /**
   * Modes the agent's `program` refuses to start in when run as root (Claude Code will not skip permissions
   * as root) — only while the profile still runs that program, not a command a config put in its place —
   * unless the environment variable `unless` is 1 (Claude Code's IS_SANDBOX=1; seen refusing with IS_SANDBOX=yes).
   */
  readonly refusedAsRoot?: { readonly program: string; readonly modes: readonly ApprovalMode[]; readonly unless?: string };
  /** Keys the agent itself binds that a tmux-style prefix may take from it, with what they do there. */
  readonly keys?: readonly { readonly key: string; readonly does: string }[];
  /** How the agent reports its lifecycle to grove (agents/hooks.ts); absent: its screen alone tells. */
  readonly hooks?: HookStyle;
  readonly env?: Readonly<Record<string, string>>;
  /** Tried in order; the first that matches decides (status/rules.ts). */
  readonly statusRules: readonly StatusRule[];
  /** How to install the command, for the message shown when it is missing. */
  readonly install?: string;
}

/** Worktree sessions are sandboxed on their own branch, so they default to not asking; the checkout does. */
export function defaultApprovalMode(isolation: Isolation): ApprovalMode {
  return isolation === 'worktree' ? 'bypass' : 'default';
}

/** What a user's config may change in a profile: any field but the name, approval modes one by one. */
export type ProfileChanges = Partial<Omit<AgentProfile, 'name' | 'modeArgs'>> & {
  readonly modeArgs?: Partial<Record<ApprovalMode, readonly string[]>>;
};

/**
 * A profile with a user's changes on top. Fields replace the built-in ones, except that mode arguments
 * and environment merge key by key, and status rules go in front of the built-in rules, so they win
 * where they match and the built-in ones still cover the rest.
 */
export function customizeProfile(base: AgentProfile, changes: ProfileChanges): AgentProfile {
  return {
    ...base,
    ...changes,
    name: base.name,
    modeArgs: { ...base.modeArgs, ...changes.modeArgs },
    env: changes.env ? { ...base.env, ...changes.env } : base.env,
    statusRules: [...(changes.statusRules ?? []), ...base.statusRules],
  };
}

/** A command's program, as profiles are matched by it: `/usr/bin/claude` is `claude`. */
export function programName(command: string): string {
  return command.slice(command.lastIndexOf('/') + 1);
}

/** Why `profile` will not start in `mode` for this user, said before it is started; undefined when it will. */
export function modeProblem(profile: AgentProfile, mode: ApprovalMode, user: { readonly root: boolean; readonly env: Readonly<Record<string, string | undefined>> }): string | undefined {
  const refused = profile.refusedAsRoot;
  if (!user.root || !refused?.modes.includes(mode) || (refused.unless !== undefined && user.env[refused.unless] === '1')) return undefined;
  if (programName(profile.command) !== refused.program) return undefined;
  const way = refused.unless ? `; ${refused.unless}=1 allows it` : '';
  return `${profile.label} refuses ${mode} as root${way}`;
}

/**
 * "C-b is Claude Code's key to background a task", for each agent that binds the prefix: the prefix goes to
 * grove first, so the agent gets it only as `prefix prefix` (send-prefix), which the line says.
 */
export function prefixClashes(profiles: readonly AgentProfile[], prefix: string, sendPrefix: string | undefined): string[] {
  const how = sendPrefix ? `: press ${sendPrefix} to send it` : ' (bind send-prefix to send it)';
  return profiles.flatMap((profile) =>
    (profile.keys ?? []).filter((k) => k.key === prefix).map((k) => `${prefix} is ${profile.label}'s key to ${k.does}${how}`),
  );
}
