/**
 * How grove hears an agent's lifecycle: the arguments that make it call `grove hook EVENT`.
 *
 * Each agent has its own way in, and grove uses only ones that leave the user's files alone:
 * - Claude Code (`claude-settings`): `--settings JSON` adds hooks for this run on top of the user's own
 *   settings, which stay untouched and keep working.
 * - Codex (`codex-notify`): `-c notify=[…]` names the program Codex runs when a turn completes, with the
 *   turn's JSON (thread id included) as its last argument. It replaces a `notify` of the user's own for
 *   this run only; Codex's newer hooks need a trust step in its UI, so grove does not enable them.
 * Agents without a way in (Gemini CLI reads hooks only from settings files, Copilot CLI and opencode from
 * files in the repository) are read from their screens alone.
 *
 * Claude Code's hooks run in the background (`async`): a report never holds up a prompt or a tool call,
 * which a synchronous hook would for the time it takes to start grove and reach its server (measured
 * 0.18-0.25 s, over 1 s on a loaded machine). The hook command runs under the agent's shell, so every
 * word is quoted. It finds its session and server through the environment the session was started with
 * (GROVE_SESSION, GROVE_SOCKET, GROVE_HOOK_TOKEN).
 */
import type { AgentProfile } from './profile.js';

export type HookStyle = 'claude-settings' | 'codex-notify';

/** Claude Code's events that say something about status or the conversation (agent-events.ts). */
const CLAUDE_EVENTS = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Notification', 'Stop'] as const;

/** The arguments that make `profile`'s agent report to `hookCommand` (grove's program and its first words). */
export function hookArgs(profile: AgentProfile, hookCommand: readonly string[]): string[] {
  switch (profile.hooks) {
    case undefined:
      return [];
    case 'claude-settings': {
      const hooks = Object.fromEntries(
        CLAUDE_EVENTS.map((event) => [event, [{ hooks: [{ type: 'command', command: shellWords([...hookCommand, 'hook', event]), async: true }] }]]),
      );
      return ['--settings', JSON.stringify({ hooks })];
    }
    case 'codex-notify':
      return ['-c', `notify=${tomlArray([...hookCommand, 'hook', 'agent-turn-complete'])}`];
  }
}

/** Words as one POSIX shell command line: each in single quotes, a quote inside as '\''. */
export function shellWords(words: readonly string[]): string {
  return words.map((word) => (/^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** A TOML array of strings, each a basic string with its escapes (TOML 1.0, section "String"). */
function tomlArray(words: readonly string[]): string {
  const escape = (word: string) =>
    word.replace(/[\\"\u0000-\u001f\u007f]/g, (char) => (char === '\\' || char === '"' ? `\\${char}` : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `[${words.map((word) => `"${escape(word)}"`).join(', ')}]`;
}
