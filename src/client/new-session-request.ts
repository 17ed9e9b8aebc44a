/**
 * From what the new-session dialog holds to what the host is asked to run.
 *
 * Without an agent the Command field (or the shell) runs as typed. With one, its profile builds the
 * command line — the approval mode's flags, the prompt handed over the way that agent takes it — and a
 * filled Command field replaces only the profile's command and arguments. An agent whose program is not
 * on PATH is refused here with how to install it, as `grove new --agent` does.
 */
import { SHELL_PROFILE, findProfile } from '../core/agents/builtins.js';
import { agentRequest, type AgentCatalog, type AgentRequest } from '../core/agents/user-profiles.js';
import { modeProblem, type ApprovalMode } from '../core/agents/profile.js';
import { splitCommandLine } from '../core/session/command-line.js';
import type { NewSessionDefaults, NewSessionInput } from './views/new-session-dialog.js';

export interface AgentLauncher {
  readonly catalog: AgentCatalog;
  /** Where a command would be found on PATH, or undefined when it would not. */
  resolveCommand(command: string): string | undefined;
  /** Who starts agents: root (as in many containers) cannot use some agents' modes. */
  readonly user?: { readonly root: boolean; readonly env: Readonly<Record<string, string | undefined>> };
}

/** Why the agent will not start in that mode for this user, for the dialog to say before it starts. */
export function modeWarning(launcher: AgentLauncher, agent: string, mode: ApprovalMode): string | undefined {
  const profile = findProfile(agent, launcher.catalog.profiles);
  return profile && launcher.user ? modeProblem(profile, mode, launcher.user) : undefined;
}

/**
 * What the dialog offers: every agent but the shell, which is what "none" already runs. It starts on the
 * config's default agent when that one is installed, so C-b c Enter starts it; otherwise on "none", since
 * an agent that is not there would only turn Enter into an error.
 */
export function newSessionDefaults(shell: string, launcher: AgentLauncher): NewSessionDefaults {
  const agents = launcher.catalog.profiles
    .filter((profile) => profile.name !== SHELL_PROFILE.name)
    .map((profile) => ({
      name: profile.name,
      command: [profile.command, ...profile.args].join(' '),
      installed: launcher.resolveCommand(profile.command) !== undefined,
    }));
  const preferred = agents.find((agent) => agent.name === launcher.catalog.defaultAgent && agent.installed);
  return {
    command: shell,
    agents,
    approval: launcher.catalog.approval,
    modeWarning: (agent, mode) => modeWarning(launcher, agent, mode),
    ...(preferred ? { agent: preferred.name } : {}),
  };
}

export function newSessionRequest(
  input: NewSessionInput,
  shell: string,
  launcher: AgentLauncher,
): { ok: true; request: AgentRequest } | { ok: false; message: string } {
  const parsed = splitCommandLine(input.command || (input.agent ? '' : shell));
  if (!parsed.ok) return { ok: false, message: `command: ${parsed.error}` };
  if (input.agent === undefined) {
    const [command, ...args] = parsed.argv;
    return command ? { ok: true, request: { command, args } } : { ok: false, message: 'command: nothing to run' };
  }
  const profile = findProfile(input.agent, launcher.catalog.profiles);
  if (!profile) return { ok: false, message: `no agent named ${input.agent}` };
  const mode = input.mode ?? launcher.catalog.approval[input.isolation ?? 'workspace'];
  return agentRequest(launcher.catalog, profile, {
    mode,
    ...(input.prompt !== undefined ? { prompt: input.prompt } : {}),
    ...(parsed.argv.length ? { argv: parsed.argv } : {}),
  }, (command) => launcher.resolveCommand(command));
}
