/**
 * `grove new`: starts a session — in the checkout, or with --worktree in a worktree of its own on a new
 * branch (--branch, --base). With --agent it runs a known agent through its profile: the approval
 * mode's flags, the initial prompt handed over the way that agent takes it, and its status rules; a
 * profile whose command is not installed is refused with how to install it, not started as a dead pane.
 * Agents are the built-in ones as the config customises them plus those it adds, and the default mode is
 * the config's approval for the isolation; a broken config is reported one problem a line, as the UI does.
 */
import { resolve } from 'node:path';
import { findProfile } from '../../core/agents/builtins.js';
import { modeProblem, APPROVAL_MODES, type ApprovalMode } from '../../core/agents/profile.js';
import { uid } from '../../io/server-socket.js';
import { agentCatalog, agentRequest, type AgentCatalog, type AgentRequest } from '../../core/agents/user-profiles.js';
import { formatConfigError } from '../../core/config/errors.js';
import { CANNOT_CREATE_WORKTREE } from '../../core/review/review-port.js';
import type { Isolation } from '../../core/session/session.js';
import { loadGroveConfig } from '../../io/config-files.js';
import { fsLaunchChecks } from '../../io/launch-checks.js';
import { stringOption, UsageError, type CliCommand, type ParsedArgs } from '../command.js';
import { GROVE_KNOWLEDGE } from '../../core/config/knowledge.js';
import { withHost } from '../targets.js';
import { readTextFile } from '../../io/host-facts.js';
import { terminalText } from '../../core/text/terminal-text.js';

function promptOf(args: ParsedArgs, cwd: string): string | undefined {
  const text = stringOption(args, 'prompt');
  const file = stringOption(args, 'prompt-file');
  if (text !== undefined && file !== undefined) throw new UsageError('new: give --prompt or --prompt-file, not both');
  if (file === undefined) return text;
  try {
    return readTextFile(resolve(cwd, file));
  } catch (err) {
    throw new Error(`cannot read the prompt file ${file}: ${(err as Error).message}`);
  }
}

/** Worktree isolation and its branch and base, as the create request takes them. */
function isolationOf(args: ParsedArgs): { isolation: Isolation; branch?: string; base?: string } {
  const branch = stringOption(args, 'branch');
  const base = stringOption(args, 'base');
  if (args.values.worktree !== true) {
    if (branch !== undefined || base !== undefined) throw new UsageError('new: --branch and --base need --worktree');
    return { isolation: 'workspace' };
  }
  return { isolation: 'worktree', ...(branch !== undefined ? { branch } : {}), ...(base !== undefined ? { base } : {}) };
}

/** The agents the config describes; every problem in it is one line of the error. */
export async function loadAgents(env: NodeJS.ProcessEnv, cwd: string): Promise<AgentCatalog> {
  const loaded = await loadGroveConfig({ env, cwd }, GROVE_KNOWLEDGE);
  if (!loaded.ok) throw new Error(`the config has problems:\n${loaded.errors.map(formatConfigError).join('\n')}`);
  for (const notice of loaded.value.notices) process.stderr.write(`grove: ${terminalText(notice)}\n`);
  return agentCatalog(loaded.value.config);
}

/** A worktree that cannot be made is never silently replaced by the checkout: say how to choose that instead. */
function offerWorkspace(error: Error): never {
  if (!error.message.startsWith(CANNOT_CREATE_WORKTREE)) throw error;
  throw new Error(`${error.message} (without --worktree, grove new starts the session in the checkout itself)`);
}

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'grove new [--name NAME] [--cwd DIR] [--worktree [--branch B] [--base REF]] [--agent AGENT] [--mode MODE] [--prompt TEXT | --prompt-file FILE] [-- COMMAND ARGS…]',
  summary: 'Start a session (default command: $SHELL, or the agent) and print its name',
  options: {
    name: { type: 'string', short: 'n' },
    cwd: { type: 'string', short: 'c' },
    agent: { type: 'string', short: 'a' },
    mode: { type: 'string', short: 'm' },
    prompt: { type: 'string', short: 'p' },
    'prompt-file': { type: 'string' },
    worktree: { type: 'boolean', short: 'w' },
    branch: { type: 'string', short: 'b' },
    base: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  takesRest: true,
  run: async (args, context) => {
    const cwd = resolve(context.cwd, stringOption(args, 'cwd') ?? '.');
    const agentName = stringOption(args, 'agent');
    const isolation = isolationOf(args);
    const modeOption = stringOption(args, 'mode');
    if (modeOption !== undefined && !(APPROVAL_MODES as readonly string[]).includes(modeOption)) {
      throw new UsageError(`new: --mode must be one of ${APPROVAL_MODES.join(', ')}`);
    }
    const prompt = promptOf(args, context.cwd);
    if (agentName === undefined && (prompt !== undefined || modeOption !== undefined)) throw new UsageError('new: --mode and --prompt need --agent');
    let request: AgentRequest;
    if (agentName !== undefined) {
      const catalog = await loadAgents(context.env, cwd);
      const profile = findProfile(agentName, catalog.profiles);
      if (!profile) throw new UsageError(`new: no agent named ${agentName} (known: ${catalog.profiles.map((p) => p.name).join(', ')})`);
      const mode = (modeOption as ApprovalMode | undefined) ?? catalog.approval[isolation.isolation];
      const launch = agentRequest(catalog, profile, { mode, ...(prompt !== undefined ? { prompt } : {}), ...(args.rest.length ? { argv: args.rest } : {}) },
        (command) => fsLaunchChecks.resolveCommand(command, cwd, context.env.PATH));
      const refused = modeProblem(profile, mode, { root: uid() === 0, env: context.env });
      if (refused) process.stderr.write(`grove: warning: ${refused}\n`);
      if (!launch.ok) throw new Error(launch.message);
      request = launch.request;
    } else {
      const [command, ...rest] = args.rest.length ? args.rest : [context.env.SHELL || '/bin/sh'];
      request = { command: command!, args: rest };
    }
    return withHost(context.connect(true), async (host) => {
      const name = stringOption(args, 'name');
      const session = await host.create({ ...request, ...isolation, ...(name !== undefined ? { name } : {}), cwd }).catch(offerWorkspace);
      context.out(`${session.name}\n`);
      // It is listed, as failed, so `grove relaunch` can try again once the command is there.
      if (session.error) throw new Error(`${session.name}: ${session.error}`);
      return 0;
    });
  },
};
