/**
 * `grove hook EVENT [JSON]`: what an agent's lifecycle hook runs (core/agents/hooks.ts sets it up).
 *
 * The agent passes its event's JSON on stdin (Claude Code) or as the last argument (Codex's notify); the
 * session and the server come from the environment grove started the agent with. A hook must never get in
 * the agent's way: it prints nothing (an agent may read a hook's stdout as instructions), waits at most
 * STDIN_MS for its input, reads at most MAX_PAYLOAD bytes, and exits 0 whatever happened.
 */
import { agentReport } from '../../core/status/agent-events.js';
import type { CliCommand } from '../command.js';
import { withHost } from '../targets.js';

const MAX_PAYLOAD = 1024 * 1024;
const STDIN_MS = 2000;

export const hookCommand: CliCommand = {
  name: 'hook',
  usage: 'grove hook EVENT [JSON]',
  summary: "For agents' hooks: report a lifecycle event of the session this runs in (reads the event's JSON)",
  options: {},
  positionals: { min: 1, max: 2 },
  run: async (args, context) => {
    const { GROVE_SESSION: session, GROVE_HOOK_TOKEN: token } = context.env;
    if (!session || !token) return 0;
    try {
      const [event, argument] = args.positionals as [string, string | undefined];
      const text = argument ?? (process.stdin.isTTY ? '' : await readStdin());
      const report = agentReport(event, parseJson(text));
      await withHost(context.connect(false), (host) => host.request('hook', { session, token, ...report }));
    } catch {
      // A server that is gone or a report it refused: the agent goes on, and its screen still tells.
    }
    return 0;
  },
};

function parseJson(text: string): unknown {
  try {
    return text.trim() ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      clearTimeout(timer);
      process.stdin.removeAllListeners('data').removeAllListeners('end').pause();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(done, STDIN_MS);
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD) return done();
      chunks.push(chunk);
    });
    process.stdin.on('end', done);
    process.stdin.on('error', done);
  });
}
