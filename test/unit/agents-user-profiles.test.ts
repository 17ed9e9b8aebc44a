/**
 * The user's agent profiles from config: built-in ones customised field by field, new ones built on the
 * profile of their command, and what a session request tells the host about each.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, findProfile } from '../../src/core/agents/builtins.js';
import { buildLaunch } from '../../src/core/agents/launch.js';
import { hostFields, userProfiles } from '../../src/core/agents/user-profiles.js';

describe('userProfiles', () => {
  it('is the built-in profiles, unchanged, without any config', () => {
    expect(userProfiles({})).toEqual(BUILTIN_PROFILES);
  });

  it('customises a built-in agent only in the fields the config sets', () => {
    const profiles = userProfiles({ claude: { args: ['--model', 'opus'], modeArgs: { bypass: ['--yolo'] }, status: [{ match: 'Thinking', status: 'working' }] } });
    const claude = findProfile('claude', profiles)!;
    const builtin = findProfile('claude')!;
    expect(claude.args).toEqual(['--model', 'opus']);
    expect(claude.modeArgs).toEqual({ ...builtin.modeArgs, bypass: ['--yolo'] });
    expect(claude.statusRules[0]).toEqual({ match: 'Thinking', status: 'working' });
    expect(claude.statusRules.slice(1)).toEqual(builtin.statusRules);
    expect(claude.command).toBe(builtin.command);
    expect(claude.install).toBe(builtin.install);
    expect(profiles.map((p) => p.name)).toEqual(BUILTIN_PROFILES.map((p) => p.name));
  });

  it('adds new agents after the built-in ones, starting from the profile of their program', () => {
    const profiles = userProfiles({ opus: { command: 'claude', args: ['--model', 'opus'] }, lint: { command: 'my-linter', prompt: 'argument' } });
    expect(profiles.map((p) => p.name).slice(-2)).toEqual(['opus', 'lint']);
    const opus = findProfile('opus', profiles)!;
    expect(opus.label).toBe('opus');
    expect(opus.install).toBeUndefined();
    expect(buildLaunch(opus, { mode: 'bypass', prompt: 'go' })).toMatchObject({
      command: 'claude',
      args: ['--model', 'opus', ...findProfile('claude')!.modeArgs.bypass, 'go'],
      // A relaunch keeps the typed arguments and the mode's, leaves the prompt out and resumes instead.
      relaunch: { before: ['--model', 'opus'], after: findProfile('claude')!.modeArgs.bypass, resumeById: ['--resume', '{id}'] },
      startConversation: ['--session-id', '{id}'],
    });
    const lint = findProfile('lint', profiles)!;
    expect(buildLaunch(lint, { mode: 'autopilot', prompt: 'check' })).toEqual({
      command: 'my-linter',
      args: ['check'],
      relaunch: { before: [], after: [], resumeLast: [] },
    });
    expect(lint.statusRules).toEqual(findProfile('shell')!.statusRules);
  });

  it('leaves out a new agent without a command (the config check reports it)', () => {
    expect(userProfiles({ ghost: { args: ['x'] } }).map((p) => p.name)).not.toContain('ghost');
  });
});

describe('hostFields', () => {
  it('names a built-in agent and sends only the user\'s own rules, which the host puts in front', () => {
    const agents = { codex: { status: [{ match: 'busy', status: 'working' as const }] } };
    const codex = findProfile('codex', userProfiles(agents))!;
    expect(hostFields(codex, agents)).toEqual({ agent: 'codex', statusRules: [{ match: 'busy', status: 'working' }] });
    expect(hostFields(findProfile('gemini')!, agents)).toEqual({ agent: 'gemini' });
  });

  it('leaves a new agent to be found by its command, with its rules', () => {
    const agents = { lint: { command: 'my-linter', status: [{ match: 'done', status: 'idle' as const }] } };
    const lint = findProfile('lint', userProfiles(agents))!;
    expect(hostFields(lint, agents)).toEqual({ statusRules: [{ match: 'done', status: 'idle' }] });
  });
});
