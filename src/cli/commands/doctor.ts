/**
 * `grove doctor`: checks what grove depends on and says plainly what is wrong and what to do.
 */
import type { CliCommand } from '../command.js';
import { gitVersion, hasTerminfo } from '../../io/host-facts.js';
import { ensurePrivateFolder } from '../../io/socket-path.js';
import { loadUiConfig } from '../../client/ui-config.js';
import { prefixClashes } from '../../core/agents/profile.js';

interface Check {
  readonly label: string;
  /** undefined when fine, else what is wrong and what to do. */
  readonly problem: string | undefined;
  readonly detail?: string;
}

/** Agents that bind the configured prefix themselves: a warning, not a failure (send-prefix reaches them). */
async function prefixCheck(env: NodeJS.ProcessEnv, cwd: string): Promise<Check> {
  const loaded = await loadUiConfig(env, cwd);
  if (!loaded.ok) return { label: 'prefix', problem: undefined, detail: '(the config does not load: grove config check says why)' };
  const { keymap, agents } = loaded.value;
  const clashes = prefixClashes(agents.profiles, keymap.prefix, keymap.keysFor('send-prefix')[0]);
  return { label: 'prefix', detail: keymap.prefix, problem: clashes.length ? clashes.join('\n  ') : undefined };
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  usage: 'grove doctor',
  summary: 'Check node, git, the socket folder, TERM and the prefix against agents\' keys, and say what is wrong',
  options: {},
  positionals: { min: 0, max: 0 },
  async run(_args, context) {
    const checks: Check[] = [];
    const major = Number(process.versions.node.split('.')[0]);
    checks.push({ label: 'node', detail: process.version, problem: major >= 20 ? undefined : 'grove needs Node 20 or newer' });
    const git = gitVersion();
    checks.push({ label: 'git', detail: git, problem: git ? undefined : 'git is not on PATH: install git (worktree sessions need it)' });
    let socketProblem: string | undefined;
    try {
      ensurePrivateFolder(context.location.path, process.getuid?.() ?? 0);
    } catch (err) {
      socketProblem = (err as Error).message;
    }
    checks.push({ label: 'socket', detail: context.location.path, problem: socketProblem });
    const term = context.env.TERM;
    const termProblem = !term ? 'TERM is not set: set it to your terminal type, e.g. xterm-256color'
      : term === 'dumb' ? "TERM is 'dumb': grove needs a terminal that can move the cursor"
      : !hasTerminfo(term, context.env) ? `no terminfo entry for TERM=${term}: grove will assume xterm-compatible sequences` : undefined;
    checks.push({ label: 'TERM', detail: term ?? '(unset)', problem: termProblem });
    checks.push(await prefixCheck(context.env, context.cwd));
    for (const check of checks) {
      context.out(`${check.problem ? '✗' : '✓'} ${check.label.padEnd(7)} ${check.detail ?? ''}\n`);
      if (check.problem) context.out(`  ${check.problem}\n`);
    }
    const failed = checks.filter((c) => c.problem && c.label !== 'TERM' && c.label !== 'prefix').length + (term === undefined || term === 'dumb' ? 1 : 0);
    return failed === 0 ? 0 : 1;
  },
};
