/**
 * What the new-session dialog asks the host to run: the command as typed without an agent; with one, its
 * profile's command line in the chosen (or the isolation's default) mode, a filled Command field replacing
 * only the command, and an agent that is not installed refused with how to install it.
 */
import { describe, expect, it } from 'vitest';
import { agentCatalog } from '../../src/core/agents/user-profiles.js';
import { newSessionDefaults, newSessionRequest, type AgentLauncher } from '../../src/client/new-session-request.js';

const catalog = agentCatalog({
  agents: { echoer: { command: 'echoer', args: ['--hello'], prompt: 'argument', status: [{ match: 'done', status: 'idle' }] } },
  approval: { workspace: 'default', worktree: 'autopilot' },
});
/** Only claude and echoer are on this PATH. */
const launcher: AgentLauncher = { catalog, resolveCommand: (command) => (['claude', 'echoer'].includes(command) ? `/bin/${command}` : undefined) };

describe('newSessionRequest', () => {
  it('runs the typed command, or the shell, without an agent', () => {
    expect(newSessionRequest({ name: '', command: "bash -c 'echo hi'" }, '/bin/zsh', launcher)).toEqual({ ok: true, request: { command: 'bash', args: ['-c', 'echo hi'] } });
    expect(newSessionRequest({ name: '', command: '' }, '/bin/zsh', launcher)).toEqual({ ok: true, request: { command: '/bin/zsh', args: [] } });
  });

  it('starts an agent in the chosen mode, or in the config\'s mode for the isolation', () => {
    expect(newSessionRequest({ name: '', command: '', agent: 'claude', mode: 'bypass', prompt: 'go' }, 'sh', launcher))
      .toMatchObject({ ok: true, request: { command: 'claude', args: ['--dangerously-skip-permissions', 'go'], agent: 'claude' } });
    const worktree = newSessionRequest({ name: '', command: '', agent: 'claude', isolation: 'worktree' }, 'sh', launcher);
    expect(worktree.ok && worktree.request.args).toEqual(['--dangerously-skip-permissions']);
  });

  it('lets a filled Command field replace the agent\'s command line, keeping its flags and prompt', () => {
    expect(newSessionRequest({ name: '', command: 'echoer --other', agent: 'echoer', mode: 'default', prompt: 'x' }, 'sh', launcher))
      .toMatchObject({ ok: true, request: { command: 'echoer', args: ['--other', 'x'], statusRules: [{ match: 'done', status: 'idle' }] } });
  });

  it('refuses an agent that is not installed, saying how to install it', () => {
    const refused = newSessionRequest({ name: '', command: '', agent: 'codex', mode: 'default' }, 'sh', launcher);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/^codex is not installed \(not found on PATH\); install .* with: /);
  });
});

describe('newSessionDefaults', () => {
  it('offers every agent but the shell, marking those not installed', () => {
    const { agents, approval } = newSessionDefaults('sh', launcher);
    expect(agents.map((a) => a.name)).toEqual(['copilot', 'claude', 'codex', 'gemini', 'aider', 'opencode', 'echoer']);
    expect(agents.filter((a) => a.installed).map((a) => a.name)).toEqual(['claude', 'echoer']);
    expect(agents.find((a) => a.name === 'echoer')!.command).toBe('echoer --hello');
    expect(approval.worktree).toBe('autopilot');
  });

  it("starts on the config's default agent when it is installed, and on none when it is not", () => {
    const withDefault = (defaultAgent: string) => ({ ...launcher, catalog: { ...catalog, defaultAgent } });
    expect(newSessionDefaults('sh', withDefault('echoer')).agent).toBe('echoer');
    expect(newSessionDefaults('sh', withDefault('codex')).agent).toBeUndefined();
    expect(newSessionDefaults('sh', withDefault('shell')).agent).toBeUndefined();
    expect(newSessionDefaults('sh', launcher).agent).toBeUndefined();
  });
});
