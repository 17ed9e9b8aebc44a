/**
 * One vocabulary for an action: a key command that acts on a session names the `grove` command that does
 * the same, that command exists, and the command line answers to the key command's name as well.
 */
import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS, findCliCommand } from '../../src/cli/command-table.js';
import { COMMANDS } from '../../src/core/commands/registry.js';

describe('key commands on the command line', () => {
  it('name a grove command that exists, found by either name', () => {
    const named = COMMANDS.filter((command) => command.commandLine !== undefined);
    expect(named.length).toBeGreaterThan(8);
    for (const command of named) {
      const cli = CLI_COMMANDS.find((c) => c.name === command.commandLine);
      expect(cli, command.name).toBeDefined();
      if (!command.commandLine!.includes(' ')) expect(findCliCommand([command.name, 'x'])?.command, command.name).toBe(cli);
    }
    expect(findCliCommand(['kill-session', 'api'])).toEqual({ command: CLI_COMMANDS.find((c) => c.name === 'kill'), words: 1 });
    expect(findCliCommand(['zoom'])).toBeUndefined();
  });

  it('leave out only the commands that change what a client shows', () => {
    const viewOnly = COMMANDS.filter((command) => command.commandLine === undefined).map((command) => command.name).sort();
    expect(viewOnly).toEqual([
      'copy-mode', 'detach', 'help', 'jump-waiting', 'next-layout', 'next-session', 'open-worktree', 'previous-session',
      'select-pane', 'select-session', 'send-prefix', 'show-all', 'toggle-mouse', 'zoom',
    ].sort());
  });
});
