/**
 * The agents a user can start: the built-in profiles with the user's config laid over them, then the
 * agents the config adds.
 *
 * A config entry named like a built-in agent changes only the fields it sets (`customizeProfile`). Any
 * other name is a new agent; it starts from the profile of its command's program — so `opus` running
 * `claude --model opus` keeps Claude's approval flags and screen rules, and an unknown program gets the
 * generic shell profile — because that is also the profile the host reads its screen with.
 *
 * The host knows only built-in profiles by name, so what a session request carries for an agent
 * (`hostFields`) is the built-in name when there is one, plus the user's own status rules.
 */
import type { AgentProfileConfig } from '../config/agent-schema.js';
import type { CreateSessionRequest } from '../session/host.js';
import type { Isolation } from '../session/session.js';
import type { StatusRule } from '../status/rules.js';
import { BUILTIN_PROFILES, profileForCommand } from './builtins.js';
import { buildLaunch, checkInstalled, type LaunchOptions } from './launch.js';
import { customizeProfile, type AgentProfile, type ApprovalMode, type ProfileChanges } from './profile.js';

export type AgentConfigs = Readonly<Record<string, AgentProfileConfig>>;

/** What starting an agent needs from the config: the profiles, the entries they came from, the default modes. */
export interface AgentCatalog {
  readonly profiles: readonly AgentProfile[];
  readonly configs: AgentConfigs;
  readonly approval: Readonly<Record<Isolation, ApprovalMode>>;
  /** The agent the new-session dialog starts on (the config's `defaultAgent`), when it is installed. */
  readonly defaultAgent?: string;
}

export function agentCatalog(config: {
  readonly agents: AgentConfigs;
  readonly approval: Readonly<Record<Isolation, ApprovalMode>>;
  readonly defaultAgent?: string;
}): AgentCatalog {
  return {
    profiles: userProfiles(config.agents),
    configs: config.agents,
    approval: config.approval,
    ...(config.defaultAgent !== undefined ? { defaultAgent: config.defaultAgent } : {}),
  };
}

/** The agent part of a session request. */
export type AgentRequest = Pick<
  CreateSessionRequest,
  'command' | 'args' | 'agent' | 'typePrompt' | 'env' | 'statusRules' | 'relaunch' | 'startConversation'
>;

/**
 * The request that starts `profile`, or why it cannot start: a command not installed is refused here, with
 * how to install it, rather than started as a dead pane.
 */
export function agentRequest(
  catalog: AgentCatalog,
  profile: AgentProfile,
  options: LaunchOptions,
  resolveCommand: (command: string) => string | undefined,
): { ok: true; request: AgentRequest } | { ok: false; message: string } {
  const plan = buildLaunch(profile, options);
  const installed = checkInstalled(profile, resolveCommand, plan.command);
  if (!installed.installed) return { ok: false, message: installed.message };
  return { ok: true, request: { ...plan, ...hostFields(profile, catalog.configs) } };
}

/** Built-in profiles (in their order, customised), then the user's new agents (in config order). */
export function userProfiles(agents: AgentConfigs, builtins: readonly AgentProfile[] = BUILTIN_PROFILES): AgentProfile[] {
  const isBuiltin = (name: string) => builtins.some((profile) => profile.name === name);
  const customised = builtins.map((profile) => {
    const entry = agents[profile.name];
    return entry ? customizeProfile(profile, changesOf(entry)) : profile;
  });
  const added = Object.entries(agents)
    .filter(([name, entry]) => !isBuiltin(name) && entry.command !== undefined)
    .map(([name, entry]) => {
      const base = profileForCommand(entry.command!, builtins);
      // What the base says about installing or labelling its own program is wrong for this agent.
      const { install: _install, ...rest } = base;
      return customizeProfile({ ...rest, name, label: name, args: [] }, changesOf(entry));
    });
  return [...customised, ...added];
}

/** The fields of a session request that tell the host which profile reads this agent's screen. */
export function hostFields(
  profile: AgentProfile,
  agents: AgentConfigs,
  builtins: readonly AgentProfile[] = BUILTIN_PROFILES,
): { agent?: string; statusRules?: readonly StatusRule[] } {
  const rules = agents[profile.name]?.status;
  return {
    ...(builtins.some((builtin) => builtin.name === profile.name) ? { agent: profile.name } : {}),
    ...(rules?.length ? { statusRules: rules } : {}),
  };
}

function changesOf(entry: AgentProfileConfig): ProfileChanges {
  const { status, modeArgs, ...fields } = entry;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const modes = modeArgs ? Object.fromEntries(Object.entries(modeArgs).filter(([, value]) => value !== undefined)) : undefined;
  return { ...defined, ...(modes ? { modeArgs: modes } : {}), ...(status ? { statusRules: status } : {}) };
}
