/**
 * `grove fanout N`: one task to N agents at once (core/review/fanout.ts, client/fanout.ts), printing the
 * variants' names. `--prompt-file` hands a plan over: written into each worktree, the agent told where.
 */
import { resolve } from 'node:path';
import { defaultGroupName } from '../../core/review/fanout.js';
import { fsLaunchChecks } from '../../io/launch-checks.js';
import { readTextFile } from '../../io/host-facts.js';
import { fanOut } from '../../client/fanout.js';
import { stringOption, UsageError, type CliCommand } from '../command.js';
import { withHost } from '../targets.js';
import { loadAgents } from './new.js';

export const fanoutCommand: CliCommand = {
  name: 'fanout',
  usage: 'grove fanout N (--prompt TEXT | --prompt-file PLAN [--prompt TEXT]) [--agent AGENT | --agents A,B,…] [--name NAME] [--base REF] [--cwd DIR]',
  summary: 'Give one task to N agents at once, each in a worktree of its own from the same base (NAME-1…NAME-N)',
  options: {
    prompt: { type: 'string', short: 'p' },
    'prompt-file': { type: 'string' },
    agent: { type: 'string', short: 'a' },
    agents: { type: 'string' },
    name: { type: 'string', short: 'n' },
    base: { type: 'string' },
    cwd: { type: 'string', short: 'c' },
  },
  positionals: { min: 1, max: 1 },
  run: async (args, context) => {
    const count = Number(args.positionals[0]);
    if (!Number.isInteger(count)) throw new UsageError(`fanout: N must be a number, not ${args.positionals[0]}`);
    const cwd = resolve(context.cwd, stringOption(args, 'cwd') ?? '.');
    const agent = stringOption(args, 'agent');
    const list = stringOption(args, 'agents');
    if (agent !== undefined && list !== undefined) throw new UsageError('fanout: give --agent or --agents, not both');
    const catalog = await loadAgents(context.env, cwd);
    const agents = list !== undefined ? list.split(',').map((name) => name.trim()).filter(Boolean) : [agent ?? catalog.defaultAgent ?? 'claude'];
    const planFile = stringOption(args, 'prompt-file');
    let plan: string | undefined;
    try {
      plan = planFile === undefined ? undefined : readTextFile(resolve(context.cwd, planFile));
    } catch (err) {
      throw new Error(`cannot read the plan ${planFile}: ${(err as Error).message}`);
    }
    const prompt = stringOption(args, 'prompt');
    const base = stringOption(args, 'base');
    const name = stringOption(args, 'name') ?? defaultGroupName(prompt ?? planFile);
    return withHost(context.connect(true), async (host) => {
      const made = await fanOut(
        { catalog, resolveCommand: (command) => fsLaunchChecks.resolveCommand(command, cwd, context.env.PATH), create: (request) => host.create(request) },
        { count, name, agents, cwd, ...(prompt !== undefined ? { prompt } : {}), ...(plan !== undefined ? { plan } : {}), ...(base !== undefined ? { base } : {}) },
      );
      for (const session of made) context.out(`${session.name}\n`);
      return 0;
    });
  },
};
