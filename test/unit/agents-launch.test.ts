/**
 * Launch plans for every built-in agent in every approval mode, with and without a prompt and resume;
 * the default mode per isolation; finding a profile from a command; and saying what is not installed.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, findProfile, profileForCommand } from '../../src/core/agents/builtins.js';
import { buildLaunch, checkInstalled } from '../../src/core/agents/launch.js';
import { APPROVAL_MODES, customizeProfile, defaultApprovalMode, type AgentProfile, type ApprovalMode } from '../../src/core/agents/profile.js';

function profile(name: string): AgentProfile {
  const found = findProfile(name);
  if (!found) throw new Error(`no built-in profile ${name}`);
  return found;
}

/** command line of each agent, by mode, with the prompt "fix the tests". */
const EXPECTED: Record<string, Record<ApprovalMode, string[]>> = {
  copilot: {
    default: ['copilot', '--interactive=fix the tests'],
    bypass: ['copilot', '--allow-all-tools', '--interactive=fix the tests'],
    autopilot: ['copilot', '--allow-all', '--autopilot', '--interactive=fix the tests'],
  },
  claude: {
    default: ['claude', 'fix the tests'],
    bypass: ['claude', '--dangerously-skip-permissions', 'fix the tests'],
    autopilot: ['claude', '--dangerously-skip-permissions', 'fix the tests'],
  },
  codex: {
    default: ['codex', 'fix the tests'],
    bypass: ['codex', '--dangerously-bypass-approvals-and-sandbox', 'fix the tests'],
    autopilot: ['codex', '--dangerously-bypass-approvals-and-sandbox', 'fix the tests'],
  },
  gemini: {
    default: ['gemini', '--prompt-interactive=fix the tests'],
    bypass: ['gemini', '--approval-mode', 'yolo', '--prompt-interactive=fix the tests'],
    autopilot: ['gemini', '--approval-mode', 'yolo', '--prompt-interactive=fix the tests'],
  },
  aider: {
    default: ['aider'],
    bypass: ['aider', '--yes-always'],
    autopilot: ['aider', '--yes-always'],
  },
  opencode: {
    default: ['opencode', '--prompt=fix the tests'],
    bypass: ['opencode', '--auto', '--prompt=fix the tests'],
    autopilot: ['opencode', '--auto', '--prompt=fix the tests'],
  },
  shell: { default: ['sh'], bypass: ['sh'], autopilot: ['sh'] },
};

describe('launch plans', () => {
  it('covers every built-in profile', () => {
    expect(BUILTIN_PROFILES.map((p) => p.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (name, byMode) => {
    it.each(APPROVAL_MODES.map((mode) => [mode] as const))('in %s mode', (mode) => {
      const plan = buildLaunch(profile(name), { mode, prompt: 'fix the tests' });
      expect([plan.command, ...plan.args]).toEqual(byMode[mode]);
      expect(plan.typePrompt).toBe(profile(name).prompt === 'type' ? 'fix the tests' : undefined);
    });
  });

  it('puts the resume arguments after the command and before the mode flags and prompt', () => {
    const resumed = (name: string, mode: ApprovalMode) => {
      const plan = buildLaunch(profile(name), { mode, resume: true, prompt: 'go on' });
      return [plan.command, ...plan.args];
    };
    expect(resumed('codex', 'bypass')).toEqual(['codex', 'resume', '--last', '--dangerously-bypass-approvals-and-sandbox', 'go on']);
    expect(resumed('claude', 'default')).toEqual(['claude', '--continue', 'go on']);
    expect(resumed('copilot', 'bypass')).toEqual(['copilot', '--continue', '--allow-all-tools', '--interactive=go on']);
    expect(resumed('gemini', 'default')).toEqual(['gemini', '--resume', 'latest', '--prompt-interactive=go on']);
    expect(resumed('aider', 'default')).toEqual(['aider', '--restore-chat-history']);
    expect(resumed('opencode', 'default')).toEqual(['opencode', '--continue', '--prompt=go on']);
    expect(resumed('shell', 'default')).toEqual(['sh']);
  });

  it('passes no prompt when there is none or it is blank', () => {
    for (const prompt of [undefined, '', '   ']) {
      const plan = buildLaunch(profile('claude'), { mode: 'default', prompt });
      expect(plan.args).toEqual([]);
      expect(buildLaunch(profile('aider'), { mode: 'default', prompt }).typePrompt).toBeUndefined();
    }
  });

  it('keeps a prompt that starts with a dash from being read as an option', () => {
    expect(buildLaunch(profile('claude'), { mode: 'default', prompt: '-v crashes' }).args).toEqual(['--', '-v crashes']);
    expect(buildLaunch(profile('copilot'), { mode: 'default', prompt: '-v crashes' }).args).toEqual(['--interactive=-v crashes']);
    const shortFlag = customizeProfile(profile('copilot'), { promptFlag: '-i' });
    expect(buildLaunch(shortFlag, { mode: 'default', prompt: 'hello' }).args).toEqual(['-i', 'hello']);
  });

  it('runs what the user typed in place of the profile command, adding the mode flags', () => {
    const plan = buildLaunch(profile('claude'), { mode: 'bypass', argv: ['/opt/bin/claude', '--model', 'opus'] });
    expect([plan.command, ...plan.args]).toEqual(['/opt/bin/claude', '--model', 'opus', '--dangerously-skip-permissions']);
    const shell = buildLaunch(profile('shell'), { mode: 'default', argv: ['npm', 'test'] });
    expect([shell.command, ...shell.args]).toEqual(['npm', 'test']);
  });

  it('passes the profile environment, and none when it has none', () => {
    expect(buildLaunch(profile('claude'), { mode: 'default' }).env).toBeUndefined();
    const custom = customizeProfile(profile('claude'), { env: { CLAUDE_CODE_DISABLE_TERMINAL_TITLE: '1' } });
    expect(buildLaunch(custom, { mode: 'default' }).env).toEqual({ CLAUDE_CODE_DISABLE_TERMINAL_TITLE: '1' });
  });
});

describe('profiles', () => {
  it('default to bypass in a worktree and to asking in the checkout', () => {
    expect(defaultApprovalMode('worktree')).toBe('bypass');
    expect(defaultApprovalMode('workspace')).toBe('default');
  });

  it('are found from a command by its program name, falling back to the shell profile', () => {
    expect(profileForCommand('claude').name).toBe('claude');
    expect(profileForCommand('/home/me/.local/bin/codex').name).toBe('codex');
    expect(profileForCommand('vim').name).toBe('shell');
    expect(profileForCommand('sh').name).toBe('shell');
  });

  it('merge a user\'s changes: fields replace, modes and environment merge', () => {
    const base = profile('copilot');
    const custom = customizeProfile(base, { command: 'gh-copilot', modeArgs: { bypass: ['--yolo'] }, env: { A: '1' } });
    expect(custom.name).toBe('copilot');
    expect(custom.command).toBe('gh-copilot');
    expect(custom.modeArgs).toEqual({ ...base.modeArgs, bypass: ['--yolo'] });
    expect(customizeProfile(custom, { env: { B: '2' } }).env).toEqual({ A: '1', B: '2' });
  });
});

describe('install check', () => {
  const onPath = new Map([['claude', '/usr/local/bin/claude']]);
  const resolve = (command: string) => onPath.get(command);

  it('gives the resolved path when the command is there', () => {
    expect(checkInstalled(profile('claude'), resolve)).toEqual({ installed: true, path: '/usr/local/bin/claude' });
  });

  it('says what is missing and how to install it', () => {
    const check = checkInstalled(profile('codex'), resolve);
    expect(check).toEqual({
      installed: false,
      message: 'codex is not installed (not found on PATH); install Codex CLI with: npm install -g @openai/codex',
    });
  });

  it('checks the command the user typed when it differs from the profile\'s', () => {
    const missing = (message: string) => ({ installed: false, message });
    expect(checkInstalled(profile('claude'), resolve, 'claude-nightly')).toEqual(missing('claude-nightly is not installed (not found on PATH)'));
    expect(checkInstalled(profile('shell'), resolve, 'npm')).toEqual(missing('npm is not installed (not found on PATH)'));
  });
});
