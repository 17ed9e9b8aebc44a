/**
 * Agents' hook payloads read into reports, and the arguments that make each agent call grove's hook.
 */
import { describe, expect, it } from 'vitest';
import { findProfile } from '../../src/core/agents/builtins.js';
import { hookArgs, shellWords } from '../../src/core/agents/hooks.js';
import { agentReport, conversationIdProblem, reportedStatus } from '../../src/core/status/agent-events.js';

describe('agent reports', () => {
  it('read the status and the conversation from each agent\'s payload', () => {
    const id = '0cb916db-26aa-40f2-86b5-1ba81b225fd2';
    expect(agentReport('Stop', { session_id: id, hook_event_name: 'Stop' })).toEqual({ event: 'Stop', conversation: id });
    // Codex's notify JSON names it thread-id.
    const codex = agentReport('agent-turn-complete', { type: 'agent-turn-complete', 'thread-id': 'th_1', 'last-assistant-message': 'done' });
    expect(codex).toEqual({ event: 'agent-turn-complete', conversation: 'th_1' });
    expect(reportedStatus(codex)).toBe('idle');
    expect(reportedStatus(agentReport('UserPromptSubmit', {}))).toBe('working');
    expect(reportedStatus(agentReport('PreToolUse', {}))).toBe('working');
    expect(reportedStatus(agentReport('SessionEnd', {}))).toBeUndefined();
  });

  it('sort notifications: a permission prompt is a question, an idle prompt is rest, anything else says nothing', () => {
    expect(reportedStatus(agentReport('Notification', { notification_type: 'permission_prompt' }))).toBe('waiting');
    expect(reportedStatus(agentReport('Notification', { notification_type: 'ToolPermission' }))).toBe('waiting');
    expect(reportedStatus(agentReport('Notification', { notification_type: 'idle_prompt' }))).toBe('idle');
    expect(reportedStatus(agentReport('Notification', { notification_type: 'auth_success' }))).toBeUndefined();
    expect(reportedStatus(agentReport('Notification', undefined))).toBeUndefined();
  });

  it('drop conversation ids that could be taken for something else on a command line', () => {
    for (const bad of ['--dangerously-skip-permissions', '../x', 'a b', 'id\x1b[2J', '', 'x'.repeat(200)]) {
      expect(conversationIdProblem(bad), bad).toBeDefined();
      expect(agentReport('Stop', { session_id: bad }).conversation).toBeUndefined();
    }
    expect(agentReport('Stop', { session_id: 42 }).conversation).toBeUndefined();
  });
});

describe('hook arguments', () => {
  const grove = ['/usr/bin/node', "/opt/it's grove/bin/grove.js"];

  it('give Claude Code a --settings of hooks, each running grove hook EVENT through the shell', () => {
    const [flag, json] = hookArgs(findProfile('claude')!, grove);
    expect(flag).toBe('--settings');
    const hooks = JSON.parse(json!).hooks as Record<string, Array<{ hooks: Array<{ type: string; command: string; async: boolean }> }>>;
    expect(Object.keys(hooks)).toEqual(['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'Notification', 'Stop']);
    // In the background: a report never holds up the agent.
    expect(hooks.Stop![0]!.hooks[0]).toEqual({ type: 'command', command: `/usr/bin/node '/opt/it'\\''s grove/bin/grove.js' hook Stop`, async: true });
  });

  it("give Codex a notify program as a TOML array, and the others nothing", () => {
    expect(hookArgs(findProfile('codex')!, ['/usr/bin/node', 'C:\\g "x"/grove.js'])).toEqual([
      '-c',
      'notify=["/usr/bin/node", "C:\\\\g \\"x\\"/grove.js", "hook", "agent-turn-complete"]',
    ]);
    for (const name of ['gemini', 'copilot', 'opencode', 'aider', 'shell']) expect(hookArgs(findProfile(name)!, grove), name).toEqual([]);
  });

  it('quote words for the shell only where needed', () => {
    expect(shellWords(['a', 'b c', "d'e", '$HOME', ''])).toBe(`a 'b c' 'd'\\''e' '$HOME' ''`);
  });
});
