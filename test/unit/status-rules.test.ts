/**
 * Status rules as data: where each one looks, when it may not be used, and that every built-in rule
 * matches the real text it was written for (titles included, which no screen fixture carries).
 */
import { describe, expect, it } from 'vitest';
import { findProfile } from '../../src/core/agents/builtins.js';
import { customizeProfile } from '../../src/core/agents/profile.js';
import { detectStatus } from '../../src/core/status/detect.js';
import type { ScreenObservation } from '../../src/core/status/observation.js';
import { compileStatusRules, ruleMatches, statusRuleProblem, type StatusRule } from '../../src/core/status/rules.js';

function observation(overrides: Partial<ScreenObservation> = {}): ScreenObservation {
  return { lines: [], cursorText: '', title: '', now: 0, ...overrides };
}

function matches(rule: StatusRule, seen: Partial<ScreenObservation>): boolean {
  return ruleMatches(compileStatusRules([rule])[0]!, observation(seen));
}

describe('rule regions', () => {
  const screen = ['first', 'ALPHA', '', 'beta', '   ', 'gamma', ''];

  it('reads the last N non-blank rows of the screen, or all of them', () => {
    expect(matches({ status: 'working', match: 'ALPHA', lines: 2 }, { lines: screen })).toBe(false);
    expect(matches({ status: 'working', match: 'ALPHA', lines: 3 }, { lines: screen })).toBe(true);
    expect(matches({ status: 'working', match: '^first$' }, { lines: screen })).toBe(true);
  });

  it('reads the last non-blank row, the cursor row and the title separately', () => {
    expect(matches({ status: 'idle', in: 'lastLine', match: '^gamma$' }, { lines: screen })).toBe(true);
    expect(matches({ status: 'idle', in: 'lastLine', match: 'beta' }, { lines: screen })).toBe(false);
    expect(matches({ status: 'idle', in: 'cursor', match: '\\$ $' }, { lines: ['$ '], cursorText: 'ls' })).toBe(false);
    expect(matches({ status: 'idle', in: 'cursor', match: '\\$ $' }, { cursorText: 'me@box:~$ ' })).toBe(true);
    expect(matches({ status: 'idle', in: 'title', match: 'Ready' }, { lines: ['Ready'] })).toBe(false);
    expect(matches({ status: 'idle', in: 'title', match: 'Ready' }, { title: '◇  Ready (grove)' })).toBe(true);
  });

  it('honours flags, and anchors ^ and $ at rows within the screen', () => {
    expect(matches({ status: 'working', match: 'esc to interrupt' }, { lines: ['(Esc to interrupt)'] })).toBe(false);
    expect(matches({ status: 'working', match: 'esc to interrupt', flags: 'i' }, { lines: ['(Esc to interrupt)'] })).toBe(true);
    expect(matches({ status: 'working', match: '^beta$' }, { lines: screen })).toBe(true);
  });

  it('applies a foreground condition only where the foreground is known', () => {
    const prompt: StatusRule = { status: 'idle', in: 'cursor', match: '\\$ $', foreground: 'program' };
    expect(matches(prompt, { cursorText: '$ ', foreground: { isProgram: true, readingTerminal: false } })).toBe(true);
    expect(matches(prompt, { cursorText: '$ ', foreground: { isProgram: false, readingTerminal: false } })).toBe(false);
    expect(matches(prompt, { cursorText: '$ ' })).toBe(true);
    expect(matches({ ...prompt, foreground: 'job' }, { cursorText: '$ ', foreground: { isProgram: false, readingTerminal: false } })).toBe(true);
  });
});

describe('rule problems', () => {
  it('explains rules that cannot be used', () => {
    expect(statusRuleProblem({ status: 'idle', match: '(' })).toMatch(/not a valid regular expression/);
    expect(statusRuleProblem({ status: 'idle', match: 'x', flags: 'g' })).toMatch(/g and y/);
    expect(statusRuleProblem({ status: 'idle', match: 'x', lines: 0 })).toMatch(/whole number/);
    expect(statusRuleProblem({ status: 'idle', match: 'x', in: 'title', lines: 3 })).toMatch(/only applies to rules in the screen/);
    expect(statusRuleProblem({ status: 'idle', match: '\\$ $', in: 'cursor', flags: 'i' })).toBeUndefined();
  });

  it('refuses to compile a list with a bad rule, naming which', () => {
    expect(() => compileStatusRules([{ status: 'idle', match: 'ok' }, { status: 'waiting', match: '[' }])).toThrow(/status rule 2 \("\["\)/);
  });
});

describe('rule order', () => {
  it('lets the first matching rule decide, so rules a user adds win over the built-in ones', () => {
    const claude = findProfile('claude')!;
    const screen = { lines: ['✳ Creating… (esc to interrupt)'], now: 0 };
    expect(detectStatus(compileStatusRules(claude.statusRules), observation(screen)).status).toBe('working');

    const custom = customizeProfile(claude, { statusRules: [{ status: 'waiting', match: 'Creating' }] });
    expect(detectStatus(compileStatusRules(custom.statusRules), observation(screen)).status).toBe('waiting');
    expect(custom.statusRules.slice(1)).toEqual(claude.statusRules);
  });
});

/** For every built-in rule, in order, a text it must match, quoted from the agent (sources in each profile). */
const EXAMPLES: Record<string, readonly Partial<ScreenObservation>[]> = {
  claude: [
    { lines: ['  Do you want to use this API key?'] },
    { lines: ['│   2. No, and tell Claude what to do differently (esc)           │'] },
    { lines: ['│ Do you want to make this edit to naming.ts?          │'] },
    { lines: [' Enter to select · ↑/↓ to navigate · Esc to cancel'] },
    { lines: ['  ⏵⏵ accept edits on (shift+tab to cycle) · esc to interrupt'] },
    { lines: ['✽ Cascading… (4m 58s · ↓ 20.4k tokens)'] },
    { title: '◐ Port the status bar' },
    { lines: ['  ? for shortcuts · ← for agents                                  ● high · /effort'] },
  ],
  copilot: [
    { lines: ['Please use /login to sign in to use Copilot'] },
    { lines: ['│ Do you want to run this command?                    │'] },
    { lines: [' ↑/↓ select · enter accept · ctrl+d decline · esc cancel'] },
    { lines: ['Confirm with number keys or ↑↓ keys and Enter, Cancel with Esc'] },
    { lines: [' ◉ Working · 130 B esc interrupt                       stand-in'] },
  ],
  codex: [
    { lines: ['  Press enter to continue'] },
    { lines: ['  Would you like to make the following edits?'] },
    { lines: ['  Press enter to confirm or esc to cancel'] },
    { lines: ['  3. No, and tell Codex what to do differently (esc)'] },
    { lines: ['  tab to add notes | enter to submit answer | esc to interrupt'] },
    { title: 'Action Required - grove' },
    { lines: ['• Working (5s • esc to interrupt)'] },
    { title: '⠹ grove' },
    { lines: ['› Ask Codex to do anything'] },
  ],
  gemini: [
    { lines: ['│   How would you like to authenticate for this project?       │'] },
    { lines: ['│ Allow execution of [ls]?                  │'] },
    { lines: ['│   3. No, suggest changes (esc)            │'] },
    { title: '✋  Action Required (grove)' },
    { lines: ['⠏ Thinking... (esc to cancel, 2m 5s)'] },
    { title: '✦  Working… (grove)' },
    { title: '◇  Ready (grove)' },
  ],
  aider: [
    { cursorText: 'Run shell commands? (Y)es/(N)o/(A)ll/(S)kip all/(D)on\'t ask again [Yes]: ' },
    { lines: ['       ░█  Waiting for gpt-4o'] },
    { cursorText: 'architect> ' },
  ],
  opencode: [
    { lines: ['  ┃  △ Permission required'] },
    { lines: ['   ⬝⬝■■■⬝⬝⬝  esc again to interrupt'] },
    { lines: ['                                             tab agents  ctrl+p commands'] },
  ],
  shell: [
    { cursorText: "Enter passphrase for key '/home/alice/.ssh/id_ed25519': " },
    { cursorText: 'bash-5.2# ' },
  ],
};

describe.each(Object.entries(EXAMPLES))('built-in %s rules', (name, examples) => {
  const profile = findProfile(name)!;

  it('each match the text they were written for', () => {
    expect(profile.statusRules).toHaveLength(examples.length);
    profile.statusRules.forEach((rule, index) => {
      expect(matches(rule, examples[index]!), `rule ${index + 1} /${rule.match}/`).toBe(true);
    });
  });
});
