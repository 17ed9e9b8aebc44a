/**
 * Choosing an agent in the new-session dialog: the agents listed (built-in and from the config, with the
 * ones not on PATH marked), the chosen one started with its approval mode's flags and the prompt, and an
 * agent that is not installed refused in the dialog itself. Fake agents, first on PATH, print their
 * arguments and what is typed to them.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';
import type { TestTerminal } from './harness.js';

/**
 * A program that prints its arguments, then waits at a `> ` prompt (aider's) and echoes each line typed.
 * Like a real agent it waits in the event loop, not in a blocking read that grove would take for a question.
 */
const FAKE_AGENT = [
  `#!${process.execPath}`,
  "process.stdout.write('argv: ' + process.argv.slice(2).join(' ') + '\\r\\n> ');",
  'process.stdin.setRawMode(true);',
  "let line = '';",
  "process.stdin.on('data', (data) => {",
  '  for (const ch of String(data)) {',
  "    if (ch !== '\\r') line += ch;",
  "    else process.stdout.write('\\r\\ngot: ' + line + '\\r\\n'), (line = '');",
  '  }',
  '});',
].join('\n');

describe('agents in the new-session dialog', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
    const bin = join(sandbox.dir, 'bin');
    mkdirSync(bin);
    for (const name of ['aider', 'echoer']) {
      writeFileSync(join(bin, name), FAKE_AGENT);
      chmodSync(join(bin, name), 0o755);
    }
    sandbox.env.PATH = `${bin}:${sandbox.env.PATH}`;
    const configDir = join(sandbox.env.XDG_CONFIG_HOME!, 'grove');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({
      approval: { workspace: 'autopilot' },
      agents: { echoer: { command: 'echoer', args: ['--hello'], prompt: 'argument', modeArgs: { autopilot: ['--auto'] } } },
    }));
  });
  afterEach(() => sandbox.dispose());

  async function openDialogOnAgentRow(t: TestTerminal): Promise<void> {
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.press('Tab', 'Tab', 'Tab');
    await t.waitForText(/Agent\s+‹ none \(command above\) ›/);
  }

  it('lists the agents and starts the chosen one with the mode\'s flags, typing the prompt it takes at its prompt', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await openDialogOnAgentRow(t);
    t.press('Right');
    await t.waitForText(/Agent\s+‹ copilot \(not installed\) ›/);
    for (const agent of ['claude (not installed)', 'codex (not installed)', 'gemini (not installed)', 'aider']) {
      t.press('Right');
      await t.waitForText(`‹ ${agent} ›`);
    }
    // The config's approval for the checkout is autopilot; the user picks bypass instead.
    expect(t.screenText()).toMatch(/Mode\s+default\s+bypass\s+autopilot/);
    t.press('Tab', 'Left');
    t.press('Tab');
    t.write('fix the tests');
    t.press('Enter');
    await t.waitForGone('New session');
    await t.waitForText(/│argv: --yes-always$/m);
    await t.waitForText(/│got: fix the tests$/m);
  });

  it('starts an agent the config adds, in the config\'s default mode, with the prompt as an argument', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await openDialogOnAgentRow(t);
    t.press('Left');
    await t.waitForText(/Agent\s+‹ echoer ›/);
    t.press('Tab', 'Tab');
    t.write('do it');
    t.press('Enter');
    await t.waitForGone('New session');
    await t.waitForText(/│argv: --hello --auto do it$/m);
  });

  it("opens on the config's defaultAgent when it is installed, so Enter starts it", async () => {
    const configPath = join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json');
    writeFileSync(configPath, JSON.stringify({
      defaultAgent: 'echoer',
      agents: { echoer: { command: 'echoer', args: ['--hello'], prompt: 'argument' } },
    }));
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText(/Agent\s+‹ echoer ›/);
    t.press('Enter');
    await t.waitForGone('New session');
    await t.waitForText(/│argv: --hello$/m);
  });

  it('refuses an agent that is not installed in the dialog, keeping what was typed', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await openDialogOnAgentRow(t);
    t.press('Right');
    t.press('Tab', 'Tab');
    t.write('keep me');
    t.press('Enter');
    await t.waitForText('copilot is not installed (not found on PATH); install');
    expect(t.screenText()).toContain('New session');
    expect(t.screenText()).toMatch(/Prompt\s+keep me/);
    expect(t.screenText()).toContain('Sessions (1)');
  });

  it('lets grove new --agent start a configured agent, and reports a broken config one problem a line', async () => {
    const started = await sandbox.cli(['new', '--agent', 'echoer', '--mode', 'bypass', '--prompt', 'go']);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    expect(started.stdout.trim()).toBe('echoer');

    writeFileSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), JSON.stringify({ theme: 7, mouse: "yes" }));
    const broken = await sandbox.cli(['new', '--agent', 'claude']);
    expect(broken.code).toBe(1);
    const lines = broken.stderr.trim().split('\n');
    expect(lines[0]).toBe('grove: the config has problems:');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/config\.json: theme: /), expect.stringMatching(/config\.json: mouse: /)]);
  });
});
