/**
 * What the profiles know about their users: keys the prefix takes from an agent, and modes an agent
 * refuses for root.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, findProfile } from '../../src/core/agents/builtins.js';
import { modeProblem, prefixClashes } from '../../src/core/agents/profile.js';

describe('prefix clashes', () => {
  it("name each agent that binds the prefix, and how to send it the key", () => {
    expect(prefixClashes(BUILTIN_PROFILES, 'C-b', 'C-b C-b')).toEqual([
      "C-b is Claude Code's key to run a task in the background: press C-b C-b to send it",
    ]);
    expect(prefixClashes(BUILTIN_PROFILES, 'C-t', undefined)).toEqual([
      "C-t is Claude Code's key to show the task list (bind send-prefix to send it)",
      "C-t is Codex CLI's key to show the transcript (bind send-prefix to send it)",
      "C-t is Gemini CLI's key to show tool descriptions (bind send-prefix to send it)",
    ]);
    expect(prefixClashes(BUILTIN_PROFILES, 'C-a', 'C-a C-a')).toEqual([]);
  });
});

describe('modes refused as root', () => {
  const claude = findProfile('claude')!;
  it("say Claude Code will not bypass permissions as root, unless in a sandbox", () => {
    expect(modeProblem(claude, 'bypass', { root: true, env: {} })).toBe('Claude Code refuses bypass as root; IS_SANDBOX=1 allows it');
    expect(modeProblem(claude, 'autopilot', { root: true, env: {} })).toBeDefined();
    expect(modeProblem(claude, 'default', { root: true, env: {} })).toBeUndefined();
    expect(modeProblem(claude, 'bypass', { root: true, env: { IS_SANDBOX: '1' } })).toBeUndefined();
    // Claude Code 2.1.197 still refuses with IS_SANDBOX=yes.
    expect(modeProblem(claude, 'bypass', { root: true, env: { IS_SANDBOX: 'yes' } })).toBeDefined();
    expect(modeProblem(claude, 'bypass', { root: false, env: {} })).toBeUndefined();
    expect(modeProblem(findProfile('codex')!, 'bypass', { root: true, env: {} })).toBeUndefined();
    // A config that runs another program under the claude profile gets no warning meant for Claude Code.
    expect(modeProblem({ ...claude, command: 'bash' }, 'bypass', { root: true, env: {} })).toBeUndefined();
    expect(modeProblem({ ...claude, command: '/opt/bin/claude' }, 'bypass', { root: true, env: {} })).toBeDefined();
  });
});
