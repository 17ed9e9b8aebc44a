/**
 * Choosing an agent in the new-session dialog, in process (ui-harness.ts): the agents listed (built-in and
 * from the config, the ones not installed marked), the chosen one started with its approval mode's flags
 * and its prompt, and an agent that is not installed refused in the dialog itself. The real-binary tests
 * (the config's defaultAgent, `grove new --agent`) are test/e2e/agent-dialog.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UiHarness, type FakeProgram } from './ui-harness.js';

/** Prints its arguments, then waits at a `> ` prompt (aider's) and answers each line typed. */
const fakeAgent: FakeProgram = (pty) => {
  pty.print(`argv: ${pty.args.join(' ')}\r\n> `);
  let line = '';
  pty.onInput((data) => {
    for (const ch of data) {
      if (ch !== '\r') line += ch;
      else [pty.print(`\r\ngot: ${line}\r\n`), (line = '')];
    }
  });
};

let ui: UiHarness | undefined;
afterEach(async () => ui?.dispose());

async function dialogOnAgentRow(): Promise<UiHarness> {
  ui = new UiHarness({
    installed: [],
    programs: { aider: fakeAgent, echoer: fakeAgent },
    config: {
      approval: { workspace: 'autopilot', worktree: 'bypass' },
      agents: { echoer: { command: 'echoer', args: ['--hello'], prompt: 'argument', modeArgs: { autopilot: ['--auto'] } } },
    },
  });
  await ui.startDefault();
  ui.run('new-session');
  await ui.waitForText('New session');
  ui.press('Tab', 'Tab', 'Tab');
  await ui.waitForText(/Agent\s+‹ none \(command above\) ›/u);
  return ui;
}

describe('agents in the new-session dialog', () => {
  it("lists the agents and starts the chosen one with the mode's flags, typing the prompt at its prompt", async () => {
    const ui = await dialogOnAgentRow();
    ui.press('Right');
    await ui.waitForText(/Agent\s+‹ copilot \(not installed\) ›/u);
    for (const agent of ['claude (not installed)', 'codex (not installed)', 'gemini (not installed)', 'aider']) {
      ui.press('Right');
      await ui.waitForText(`‹ ${agent} ›`);
    }
    // The config's approval for the checkout is autopilot; the user picks bypass instead.
    expect(ui.snapshot()).toMatch(/Mode\s+default\s+bypass\s+autopilot/u);
    ui.press('Tab', 'Left', 'Tab');
    ui.type('fix the tests');
    ui.press('Enter');
    await ui.waitForText(/│argv: --yes-always$/mu);
    await ui.waitForText(/│got: fix the tests$/mu);
    expect(ui.snapshot()).not.toContain('New session');
  });

  it("starts an agent the config adds, in the config's default mode, with the prompt as an argument", async () => {
    const ui = await dialogOnAgentRow();
    ui.press('Left');
    await ui.waitForText(/Agent\s+‹ echoer ›/u);
    ui.press('Tab', 'Tab');
    ui.type('do it');
    ui.press('Enter');
    await ui.waitForText(/│argv: --hello --auto do it$/mu);
  });

  it('refuses an agent that is not installed in the dialog, keeping what was typed', async () => {
    const ui = await dialogOnAgentRow();
    ui.press('Right', 'Tab', 'Tab');
    ui.type('keep me');
    ui.press('Enter');
    await ui.waitForText('copilot is not installed (not found on PATH); install');
    expect(ui.snapshot()).toContain('New session');
    expect(ui.snapshot()).toMatch(/Prompt\s+keep me/u);
    expect(ui.snapshot()).toContain('Sessions (1)');
    expect(ui.ptys).toHaveLength(1);
  });
});
