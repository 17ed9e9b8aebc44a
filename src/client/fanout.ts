/**
 * Making a fan-out (core/review/fanout.ts), for `grove fanout` and the UI's dialog alike: N worktree
 * sessions from one base, each an agent given the same prompt (and plan). They are made one after the
 * other, the later ones from the base the first one resolved, so a base branch that moves meanwhile does
 * not split them; the first refusal stops it, and says which variants exist already.
 */
import { findProfile } from '../core/agents/builtins.js';
import type { ApprovalMode } from '../core/agents/profile.js';
import { agentRequest, type AgentCatalog } from '../core/agents/user-profiles.js';
import { agentOf, defaultGroupName, fanoutProblem, planPrompt, variantNames } from '../core/review/fanout.js';
import type { CreateSessionRequest } from '../core/session/host.js';
import type { SessionInfo } from '../core/session/session.js';

export interface FanoutInput {
  readonly count: number;
  /** The group, and the stem of the sessions' names (NAME-1 …). */
  readonly name: string;
  /** One agent for every variant, or one each. */
  readonly agents: readonly string[];
  readonly prompt?: string;
  /** A plan to hand each agent (written into each worktree). */
  readonly plan?: string;
  readonly base?: string;
  readonly cwd: string;
  /** Default: the config's approval mode for worktrees. */
  readonly mode?: ApprovalMode;
  /** The pty size of each, when the UI knows it. */
  readonly size?: { readonly cols: number; readonly rows: number };
}

export interface FanoutDeps {
  readonly catalog: AgentCatalog;
  resolveCommand(command: string): string | undefined;
  create(request: CreateSessionRequest): Promise<SessionInfo>;
}

/** The variants made; a refusal names the ones made before it. */
export async function fanOut(deps: FanoutDeps, input: FanoutInput): Promise<SessionInfo[]> {
  const problem = fanoutProblem(input.count, input.agents);
  if (problem) throw new Error(problem);
  if (input.prompt === undefined && input.plan === undefined) throw new Error('a fan-out needs a prompt or a plan to give the agents');
  const prompt = input.plan !== undefined ? planPrompt(input.prompt) : input.prompt!;
  const requests = variantNames(input.name, input.count).map((name, variant) => {
    const agent = agentOf(input.agents, variant);
    const profile = findProfile(agent, deps.catalog.profiles);
    if (!profile) throw new Error(`no agent named ${agent} (known: ${deps.catalog.profiles.map((p) => p.name).join(', ')})`);
    const launch = agentRequest(deps.catalog, profile, { mode: input.mode ?? deps.catalog.approval.worktree, prompt }, deps.resolveCommand);
    if (!launch.ok) throw new Error(launch.message);
    return { ...launch.request, name, group: input.name, cwd: input.cwd, isolation: 'worktree' as const, ...(input.plan !== undefined ? { plan: input.plan } : {}), ...input.size };
  });
  const made: SessionInfo[] = [];
  for (const request of requests) {
    const base = input.base ?? made[0]?.worktree?.baseBranch;
    try {
      made.push(await deps.create({ ...request, ...(base !== undefined ? { base } : {}) }));
    } catch (err) {
      const so = made.length ? ` (made ${made.map((session) => session.name).join(', ')}; grove rm removes them)` : '';
      throw new Error(`${request.name}: ${(err as Error).message}${so}`);
    }
  }
  return made;
}

/** The dialog's fields (views/fanout-dialog.ts) as a fan-out, the empty ones at their defaults; a mistake is one line. */
export function fanoutFromForm(
  form: { readonly count: string; readonly name: string; readonly agents: string; readonly prompt: string; readonly planFile: string; readonly base: string },
  defaults: { readonly agent: string; readonly cwd: string; readPlan(path: string): string },
): FanoutInput {
  const count = Number(form.count || '3');
  if (!Number.isInteger(count)) throw new Error(`variants: ${form.count} is not a number`);
  const agents = (form.agents || defaults.agent).split(',').map((agent) => agent.trim()).filter(Boolean);
  let plan: string | undefined;
  try {
    plan = form.planFile ? defaults.readPlan(form.planFile) : undefined;
  } catch (err) {
    throw new Error(`plan file: ${(err as Error).message}`);
  }
  const prompt = form.prompt || undefined;
  return {
    count,
    name: form.name || defaultGroupName(prompt ?? form.planFile),
    agents,
    cwd: defaults.cwd,
    ...(prompt !== undefined ? { prompt } : {}),
    ...(plan !== undefined ? { plan } : {}),
    ...(form.base ? { base: form.base } : {}),
  };
}
