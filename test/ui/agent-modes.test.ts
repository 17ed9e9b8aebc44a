/**
 * The new-session dialog says before starting when an agent will refuse the chosen mode for this user:
 * Claude Code will not skip permissions as root, unless IS_SANDBOX is set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UiHarness } from './ui-harness.js';

let ui: UiHarness | undefined;
afterEach(async () => ui?.dispose());

async function chooseClaudeBypass(harness: UiHarness): Promise<void> {
  await harness.startDefault();
  harness.run('new-session');
  await harness.waitForText('New session');
  harness.press('Tab', 'Tab', 'Tab');
  // The default config's agent, installed here (the harness finds every command).
  await harness.waitForText('‹ claude ›');
  harness.press('Tab');
  harness.press('Right');
  await harness.waitForText(/Mode\s.*bypass/u);
}

describe('agent modes in the new-session dialog', () => {
  it('warns that Claude Code refuses bypass as root', async () => {
    ui = new UiHarness({ user: { root: true, env: {} } });
    await chooseClaudeBypass(ui);
    await ui.waitForText('⚠ Claude Code refuses bypass as root; IS_SANDBOX=1 allows it');
  });

  it('says nothing for a user who is not root, or in a sandbox', async () => {
    const users: { root: boolean; env: Record<string, string> }[] = [{ root: false, env: {} }, { root: true, env: { IS_SANDBOX: '1' } }];
    for (const user of users) {
      ui = new UiHarness({ user });
      await chooseClaudeBypass(ui);
      expect(ui.snapshot()).toMatch(/Mode\s.*bypass/u);
      expect(ui.snapshot()).not.toContain('refuses');
      await ui.dispose();
      ui = undefined;
    }
  });

  it("lists in the help the agents' keys that the prefix takes, and how to send them", async () => {
    ui = new UiHarness();
    await ui.startDefault();
    ui.run('help');
    await ui.waitForText('q closes');
    // The section comes last: page down to it.
    for (let page = 0; page < 5 && !ui.snapshot().includes("Your agents' keys"); page++) {
      const before = ui.snapshot();
      ui.press('Space');
      await ui.waitFor((screen) => screen !== before.replace(/^\d\d │/gmu, '') || screen.includes("Your agents' keys"), 'the next page');
    }
    await ui.waitForText("Your agents' keys");
    await ui.waitForText("C-b is Claude Code's key to run a task in the background: press C-b C-b");
  });

  it('says once, when it first starts an agent that binds the prefix, how to send it the key', async () => {
    ui = new UiHarness();
    await ui.startDefault();
    ui.run('new-session');
    await ui.waitForText('‹ claude ›');
    ui.press('Enter');
    await ui.waitForText('Sessions (2)');
    await ui.waitForText("C-b is Claude Code's key to run a task in the background: press C-b C-b to send it");
  });
});
