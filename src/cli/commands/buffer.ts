/**
 * `grove buffer`, `grove buffer set` and `grove buffer paste`: the server's paste buffer for scripts, as
 * tmux's save-buffer -, set-buffer and paste-buffer -t are. `grove buffer` prints the text exactly as it
 * is, with no newline added, so that `grove buffer > file` and `grove buffer set - < file` give back the
 * same bytes; `grove buffer paste SESSION` types it into a session as `C-b ]` does (bracketed when the
 * session's program asked for bracketed paste).
 */
import { MAX_PASTE_BUFFER_BYTES, pasteBufferProblem } from '../../core/copy-mode/paste-buffer.js';
import { RemotePasteBuffer } from '../../client/remote-paste-buffer.js';
import type { CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

export const bufferCommand: CliCommand = {
  name: 'buffer',
  usage: 'grove buffer',
  summary: 'Print the paste buffer (what was copied last) as it is; exit 1 when it is empty',
  options: {},
  positionals: { min: 0, max: 0 },
  run: (_args, context) =>
    withHost(context.connect(false), async (host) => {
      const text = await new RemotePasteBuffer(host).text();
      if (text === undefined) throw new Error('the paste buffer is empty (copy in copy mode, or grove buffer set TEXT)');
      context.outExact(text); // as tmux save-buffer: the buffer exactly as it is
      return 0;
    }),
};

export const bufferSetCommand: CliCommand = {
  name: 'buffer set',
  usage: 'grove buffer set TEXT | -',
  summary: 'Put TEXT in the paste buffer (- reads it from standard input), for C-b ] to paste',
  options: {},
  positionals: { min: 1, max: 1 },
  run: async (args, context) => {
    const given = args.positionals[0]!;
    // Read and checked before connecting: no connection waits on a slow pipe, and text the server would
    // refuse is not sent to it.
    const text = given === '-' ? await readStdin() : given;
    const problem = pasteBufferProblem(text);
    if (problem) throw new Error(problem);
    return withHost(context.connect(false), async (host) => {
      await new RemotePasteBuffer(host).set(text);
      return 0;
    });
  },
};

export const bufferPasteCommand: CliCommand = {
  name: 'buffer paste',
  usage: 'grove buffer paste SESSION',
  summary: 'Type the paste buffer into SESSION, as C-b ] does',
  options: {},
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      await new RemotePasteBuffer(host).paste(session.id);
      return 0;
    }),
};

/** Standard input as UTF-8; stops reading once it is more than the paste buffer could hold. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    bytes += chunk.length;
    if (bytes > MAX_PASTE_BUFFER_BYTES) {
      throw new Error(`the paste buffer holds at most 1 MiB (${MAX_PASTE_BUFFER_BYTES} bytes); standard input has more`);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
