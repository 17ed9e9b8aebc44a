/**
 * Fan-out: one task given to several agents at once, each in a worktree of its own from the same base,
 * as variants to compare and pick from (`grove fanout`, `C-b F`). The sessions are named NAME-1…NAME-N
 * and carry NAME as their group, which lists them together and names them to `grove compare` and
 * `grove pick`.
 *
 * A plan handed over (`--prompt-file plan.md`) is written into each worktree as PLAN_FILE, which git is
 * told to ignore (so it never lands in a commit), and the prompt tells the agent where it is: the user
 * refines a plan with one agent, then hands it to N.
 */

/** The plan's file in each variant's worktree, at its top. */
export const PLAN_FILE = '.grove-plan.md';

/** Variants at most: each is an agent and a worktree on this machine. */
export const MAX_VARIANTS = 10;

/** NAME-1 … NAME-count. */
export function variantNames(name: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${name}-${i + 1}`);
}

/** Why this fan-out cannot be made, or undefined when it can: a count in range, one agent or one per variant. */
export function fanoutProblem(count: number, agents: readonly string[]): string | undefined {
  if (!Number.isInteger(count) || count < 2 || count > MAX_VARIANTS) return `the number of variants must be 2 to ${MAX_VARIANTS}`;
  if (agents.length !== 1 && agents.length !== count) return `give one agent, or one per variant (${count}); got ${agents.length}`;
  return undefined;
}

/** The agent each variant runs: the one given for all, or each its own. */
export function agentOf(agents: readonly string[], variant: number): string {
  return agents.length === 1 ? agents[0]! : agents[variant]!;
}

/** What the agent is told when it is handed a plan, with the user's own words after it. */
export function planPrompt(prompt: string | undefined): string {
  const told = `Read the plan in ${PLAN_FILE} (in this folder; git ignores it) and carry it out.`;
  return prompt ? `${told} ${prompt}` : told;
}

/** The group's name when none is given: the prompt's first words, else "variant". */
export function defaultGroupName(prompt: string | undefined): string {
  const words = (prompt ?? '').toLowerCase().match(/[a-z0-9]+/gu)?.slice(0, 3).join('-');
  return words ? words.slice(0, 24).replace(/-+$/u, '') : 'variant';
}
