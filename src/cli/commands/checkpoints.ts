/**
 * `grove checkpoints`, `grove undo` and `grove redo`: a workspace session's turns as the server recorded
 * them (core/checkpoints/checkpoint.ts), and their files put back as they were before a turn. An undo is a
 * checkpoint too: undoing it (`--turn` with its number, or `grove redo`) brings the turn's files back.
 */
import { checkpointLines, noCheckpointsYet, undoSummary, type UndoOptions } from '../../core/checkpoints/checkpoint.js';
import { UsageError, stringOption, type CliCommand, type CliContext } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

/** A --turn option's number, or undefined when not given. */
export function turnOption(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/u.test(value)) throw new UsageError(`${command}: --turn takes a checkpoint's number (grove checkpoints SESSION lists them)`);
  return Number(value);
}

export const checkpointsCommand: CliCommand = {
  name: 'checkpoints',
  usage: 'grove checkpoints SESSION',
  summary: "List a workspace session's checkpoints: each turn that changed files, and each undo",
  options: {},
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      const checkpoints = await host.request('checkpoints', { session: session.id });
      if (!checkpoints.length) {
        context.out(`${noCheckpointsYet(session.name)}\n`);
        return 0;
      }
      context.out(`${checkpointLines(checkpoints, Date.now()).join('\n')}\n`);
      return 0;
    }),
};

async function undo(context: CliContext, target: string, options: UndoOptions): Promise<number> {
  return withHost(context.connect(false), async (host) => {
    const session = await resolveTarget(host, target, context.cwd);
    const outcome = await host.request('undo', { session: session.id, ...options });
    context.out(`${session.name}: ${undoSummary(outcome)} (checkpoint ${outcome.turn}; grove undo ${session.name} --turn ${outcome.turn} reverses it)\n`);
    return 0;
  });
}

export const undoCommand: CliCommand = {
  name: 'undo',
  usage: 'grove undo SESSION [--turn N] [--confirm]',
  summary: "Put the files a workspace session's turn changed back as they were before it (default: its latest turn)",
  options: { turn: { type: 'string' }, confirm: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    const turn = turnOption(stringOption(args, 'turn'), 'undo');
    return undo(context, args.positionals[0]!, { ...(turn !== undefined ? { turn } : {}), ...(args.values.confirm === true ? { confirmed: true } : {}) });
  },
};

export const redoCommand: CliCommand = {
  name: 'redo',
  usage: 'grove redo SESSION [--confirm]',
  summary: "Undo a workspace session's latest undo, bringing that turn's files back",
  options: { confirm: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) => undo(context, args.positionals[0]!, { redo: true, ...(args.values.confirm === true ? { confirmed: true } : {}) }),
};
