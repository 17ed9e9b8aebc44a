/**
 * `grove new`: starts a session. With --agent it runs a known agent through its profile: the approval
 * mode's flags, the initial prompt handed over the way that agent takes it, and its status rules; a
 * profile whose command is not installed is refused with how to install it, not started as a dead pane.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_PROFILES, findProfile } from '../../core/agents/builtins.js';
import { buildLaunch, checkInstalled } from '../../core/agents/launch.js';
import { APPROVAL_MODES, defaultApprovalMode, type ApprovalMode } from '../../core/agents/profile.js';
import { fsLaunchChecks } from '../../io/launch-checks.js';
import { stringOption, UsageError, type CliCommand, type ParsedArgs } from '../command.js';
import { withHost } from '../targets.js';

function promptOf(args: ParsedArgs, cwd: string): string | undefined {
  const text = stringOption(args, 'prompt');
  const file = stringOption(args, 'prompt-file');
  if (text !== undefined && file !== undefined) throw new UsageError('new: give --prompt or --prompt-file, not both');
  if (file === undefined) return text;
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    throw new Error(`cannot read the prompt file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'grove new [--name NAME] [--cwd DIR] [--agent AGENT] [--mode MODE] [--prompt TEXT | --prompt-file FILE] [-- COMMAND ARGS…]',
  summary: 'Start a session (default command: $SHELL, or the agent) and print its name',
  options: {
    name: { type: 'string', short: 'n' },
    cwd: { type: 'string', short: 'c' },
    agent: { type: 'string', short: 'a' },
    mode: { type: 'string', short: 'm' },
    prompt: { type: 'string', short: 'p' },
    'prompt-file': { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  takesRest: true,
  run: (args, context) => {
    const cwd = resolve(context.cwd, stringOption(args, 'cwd') ?? '.');
    const agentName = stringOption(args, 'agent');
    const mode = stringOption(args, 'mode') ?? defaultApprovalMode('workspace');
    if (!(APPROVAL_MODES as readonly string[]).includes(mode)) throw new UsageError(`new: --mode must be one of ${APPROVAL_MODES.join(', ')}`);
    const prompt = promptOf(args, context.cwd);
    const profile = agentName === undefined ? undefined : findProfile(agentName);
    if (agentName !== undefined && !profile) {
      throw new UsageError(`new: no agent named ${agentName} (known: ${BUILTIN_PROFILES.map((p) => p.name).join(', ')})`);
    }
    if (!profile && (prompt !== undefined || stringOption(args, 'mode') !== undefined)) {
      throw new UsageError('new: --mode and --prompt need --agent');
    }
    let request: { command: string; args: string[]; agent?: string; typePrompt?: string; env?: Readonly<Record<string, string>> };
    if (profile) {
      const plan = buildLaunch(profile, { mode: mode as ApprovalMode, ...(prompt !== undefined ? { prompt } : {}), ...(args.rest.length ? { argv: args.rest } : {}) });
      const installed = checkInstalled(profile, (command) => fsLaunchChecks.resolveCommand(command, cwd, context.env.PATH), plan.command);
      if (!installed.installed) throw new Error(installed.message);
      request = { ...plan, agent: profile.name };
    } else {
      const [command, ...rest] = args.rest.length ? args.rest : [context.env.SHELL || '/bin/sh'];
      request = { command: command!, args: rest };
    }
    return withHost(context.connect(true), async (host) => {
      const name = stringOption(args, 'name');
      const session = await host.create({ ...request, ...(name !== undefined ? { name } : {}), cwd });
      context.out(`${session.name}\n`);
      return 0;
    });
  },
};
