/**
 * `grove compare`: what the variants of a fan-out changed, side by side (core/review/compare.ts) — named
 * one by one, or all of a group by its name — and, with --file, one file as the first two have it now,
 * diffed from the first's to the second's.
 */
import type { CheckResult, SessionInfo } from '../../core/session/session.js';
import { compareLines } from '../../core/review/compare.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { stringOption, UsageError, type CliCommand } from '../command.js';
import { listSessions, resolveTarget, withHost } from '../targets.js';
import type { RemoteHost } from '../../client/remote-host.js';

/** The sessions named: a group's name stands for all its variants, in order. */
async function variantsNamed(host: RemoteHost, names: readonly string[], cwd: string): Promise<SessionInfo[]> {
  const all = await listSessions(host);
  const found: SessionInfo[] = [];
  for (const name of names) {
    const group = all.filter((session) => session.group === name && !all.some((other) => other.name === name));
    found.push(...(group.length ? group : [await resolveTarget(host, name, cwd)]));
  }
  for (const session of found) if (!session.worktree) throw new Error(`${session.name} works in the checkout: compare worktree sessions (a fan-out's variants)`);
  return found;
}

export const compareCommand: CliCommand = {
  name: 'compare',
  usage: 'grove compare (GROUP | A B [C…]) [--file PATH | --check]',
  summary: 'Show side by side what variants changed, file by file (--file: one file, the first variant\'s against the second\'s; --check: run the config\'s check in each first)',
  options: { file: { type: 'string', short: 'f' }, check: { type: 'boolean' } },
  positionals: { min: 1, max: 20 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const variants = await variantsNamed(host, args.positionals, context.cwd);
      if (variants.length < 2) throw new UsageError('compare: name two variants or more, or a fan-out\'s group');
      const review = new RemoteReview(host);
      const file = stringOption(args, 'file');
      if (file !== undefined) {
        const diff = await review.compareFile(variants[0]!.id, variants[1]!.id, file);
        context.out(diff || `${variants[0]!.name} and ${variants[1]!.name} have the same ${file}\n`);
        return 0;
      }
      // One at a time: a test suite is heavy, and N of them at once would slow each other.
      const checks: (CheckResult | undefined)[] = [];
      for (const session of variants) checks.push(args.values.check === true ? await review.check(session.id) : session.check);
      const diffs = await Promise.all(variants.map((session) => review.diff(session.id)));
      context.out(`${compareLines(variants.map((session, i) => ({ name: session.name, files: diffs[i]!.files, check: checks[i] }))).join('\n')}\n`);
      const failed = variants.map((session, i) => ({ session, check: checks[i] })).filter(({ check }) => check && !check.passed);
      for (const { session, check } of failed) context.out(`${session.name}: ${check!.line}\n`);
      return 0;
    }),
};
