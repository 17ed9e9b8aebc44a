/**
 * Agents from the config through the real binary: the dialog opening on the config's defaultAgent, and
 * `grove new --agent` starting a configured one. Fake agents, first on PATH, print their arguments and what
 * is typed to them. The dialog's choices and refusals are test/ui/agent-dialog.test.ts.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

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
