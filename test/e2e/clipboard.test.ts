/**
 * The clipboard of the user's terminal, reached through OSC 52: grove's own copies always go there;
 * a program's request to set it passes only when the config allows it, and then fills grove's paste
 * buffer too, as tmux's set-clipboard does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';
import type { TestTerminal } from './harness.js';

/** Every OSC 52 the UI writes to its terminal, as `selection;base64`. */
function clipboardWrites(t: TestTerminal): string[] {
  const writes: string[] = [];
  t.term.parser.registerOscHandler(52, (data) => {
    writes.push(data);
    return true;
  });
  return writes;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('the clipboard', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  async function shell(): Promise<{ t: TestTerminal; writes: string[] }> {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    const writes = clipboardWrites(t);
    await t.waitForText(/│\$ ?$/m);
    return { t, writes };
  }

  it('gets what copy mode copies', async () => {
    const { t, writes } = await shell();
    t.write('echo clip-$((40+2))\r');
    await t.waitForText(/│clip-42$/m);
    t.press('C-b', '[');
    t.write('?clip-42');
    t.press('Enter');
    await t.waitForText(/copy mode │ line \d+ of \d+ │ \?clip-42/);
    t.press('V', 'Enter');
    await t.waitForText('copied 7 characters');
    expect(writes).toEqual([`c;${base64('clip-42')}`]);
  });

  it("refuses a program's request to set it unless the config allows it", async () => {
    const { t, writes } = await shell();
    t.write(`printf '\\e]52;c;${base64('from-agent')}\\a'; echo marker-$((1+1))\r`);
    // The request is handled as the program's output is parsed, before the frame that shows the marker.
    await t.waitForText(/│marker-2$/m);
    expect(writes).toEqual([]);
    expect((await sandbox.cli(['buffer'])).stderr).toMatch(/^grove: the paste buffer is empty/);
  });

  it("passes a program's request to set it when the config allows it, and keeps the text for prefix ]", async () => {
    const configDir = join(sandbox.env.XDG_CONFIG_HOME!, 'grove');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ programClipboard: true }));
    const { t, writes } = await shell();
    t.write(`printf '\\e]52;c;?\\a\\e]52;c;${base64('from-agent')}\\a'; echo marker-$((1+1))\r`);
    await t.waitForText(/│marker-2$/m);
    await t.waitFor(() => writes.length > 0, 'the clipboard request to reach the terminal');
    expect(writes).toEqual([`c;${base64('from-agent')}`]);
    expect((await sandbox.cli(['buffer'])).stdout).toBe('from-agent');
  });
});
