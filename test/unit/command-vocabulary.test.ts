/**
 * One vocabulary for an action: every key command is a `grove` command too. One that names its own grove
 * command (Command.commandLine) is found by either name; every other is made from its declaration and runs
 * in the attached UI, its usage and summary taken from the same row.
 */
import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS, findCliCommand, UI_COMMANDS } from '../../src/cli/command-table.js';
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
  });

  it('are all reachable: the rest run in the attached UI, declared by their row', () => {
    for (const command of COMMANDS) expect(findCliCommand([command.name])?.command, command.name).toBeDefined();
    const zoom = findCliCommand(['zoom'])!.command;
    expect(zoom).toBe(UI_COMMANDS.find((c) => c.name === 'zoom'));
    expect(zoom).toMatchObject({ usage: 'grove zoom [SESSION]', summary: COMMANDS.find((c) => c.name === 'zoom')!.description, positionals: { min: 0, max: 1 } });
    expect(findCliCommand(['select-session'])!.command).toMatchObject({ usage: 'grove select-session INDEX', positionals: { min: 1, max: 1 } });
    expect(findCliCommand(['select-pane'])!.command.usage).toBe('grove select-pane DIRECTION');
    expect(findCliCommand(['next-layout'])!.command.positionals).toEqual({ min: 0, max: 0 });
    // No name is both a grove command of its own and a UI command.
    const names = [...CLI_COMMANDS, ...UI_COMMANDS].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
