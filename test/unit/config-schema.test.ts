/**
 * The config file schema: good files pass whole, and each kind of mistake is reported as
 * `file: path: what was expected`, one line per problem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/registry.js';
import { formatConfigError } from '../../src/core/config/errors.js';
import { configJsonSchema, schemaFileText, themeJsonSchema } from '../../src/core/config/json-schema.js';
import { parseConfigText } from '../../src/core/config/schema-checks.js';

/** The error lines for a config file's text, or [] when it is valid. */
function problems(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const result = parseConfigText({ file: 'config.json', text });
  return result.ok ? [] : result.errors.map(formatConfigError);
}

describe('config file schema', () => {
  it('accepts an empty file and a file using every setting', () => {
    expect(problems({})).toEqual([]);
    const full = {
      $schema: '../schema/config.schema.json',
      keys: { prefix: 'C-a', 'new-session': 'N', 'kill-session': ['x', 'X'], zoom: null, 'select-session 1': '!', root: { 'next-session': 'M-n' },
        'copy-mode-vi': { cancel: ['q', 'x'], 'cursor-up': null } },
      theme: 'solarized-dark',
      defaultAgent: 'codex',
      approval: { worktree: 'bypass', workspace: 'default' },
      agents: {
        claude: { modeArgs: { bypass: ['--dangerously-skip-permissions'] } },
        aider: {
          command: 'aider',
          args: ['--no-auto-commits'],
          prompt: 'type',
          resumeArgs: ['--restore-chat-history'],
          env: { AIDER_DARK_MODE: '1' },
          status: [{ match: '^> $', in: 'lastLine', status: 'waiting' }],
        },
      },
      worktree: { root: '~/worktrees', branchPrefix: 'agents/', copy: ['.env', 'config/*.local.json'], cleanupAfterMerge: true },
      commits: { perTurn: true, message: '{agent}: turn {turn} of {session}' },
      notify: { bell: false, desktop: true },
      mouse: false,
      scrollback: 50_000,
    };
    expect(problems(full)).toEqual([]);
  });

  it('reports a key spec that is not a key', () => {
    expect(problems({ keys: { prefix: 'Ctrl+A' } })).toEqual(['config.json: keys.prefix: expected a key like "C-a"']);
    expect(problems({ keys: { 'kill-session': ['x', 'C-'] } })).toEqual(['config.json: keys.kill-session[1]: expected a key like "C-a"']);
    expect(problems({ keys: { zoom: 5 } })).toEqual(['config.json: keys.zoom: expected a key like "C-a", a list of keys, or null to unbind']);
    expect(problems({ keys: { 'copy-mode-vi': { cancel: 'Hyper-x' } } })).toEqual(['config.json: keys.copy-mode-vi.cancel: expected a key like "C-a"']);
  });

  it('reports unknown keys with the nearest known one', () => {
    expect(problems({ thme: 'light' })).toEqual(['config.json: thme: unknown key (did you mean "theme"?)']);
    expect(problems({ notify: { bel: true } })).toEqual(['config.json: notify.bel: unknown key (did you mean "bell"?)']);
    expect(problems({ agents: { x: { command: 'x', resumeArg: [] } } })).toEqual([
      'config.json: agents.x.resumeArg: unknown key (did you mean "resumeArgs"?)',
    ]);
    expect(problems({ wibble: 1 })).toEqual(['config.json: wibble: unknown key']);
  });

  it('reports a value of the wrong type or out of range, saying what it got', () => {
    expect(problems({ scrollback: 'lots' })).toEqual(['config.json: scrollback: expected a number, got "lots"']);
    expect(problems({ scrollback: 1.5 })).toEqual(['config.json: scrollback: expected a whole number, got 1.5']);
    expect(problems({ scrollback: -1 })).toEqual(['config.json: scrollback: expected at least 0']);
    expect(problems({ mouse: 'yes' })).toEqual(['config.json: mouse: expected true or false, got "yes"']);
    expect(problems({ worktree: 'here' })).toEqual(['config.json: worktree: expected an object, got "here"']);
    expect(problems([])).toEqual(['config.json: expected an object, got a list']);
  });

  it('reports a choice that is not one of the choices, suggesting the nearest', () => {
    expect(problems({ approval: { worktree: 'bypas' } })).toEqual([
      'config.json: approval.worktree: expected one of "default", "bypass", "autopilot" (did you mean "bypass"?)',
    ]);
  });

  it('reports an agent profile mistake: bad regex, bad name, empty command', () => {
    expect(problems({ agents: { a: { command: 'a', status: [{ match: '(', status: 'idle' }] } } })[0]).toMatch(
      /^config\.json: agents\.a\.status\[0\]\.match: not a valid regular expression: /u,
    );
    expect(problems({ agents: { 'my agent': { command: 'a' } } })).toEqual([
      'config.json: agents["my agent"]: "my agent" is not a valid name: expected letters, digits, ".", "_" or "-"',
    ]);
    expect(problems({ agents: { a: { command: '' } } })).toEqual(['config.json: agents.a.command: must not be empty']);
  });

  it('reports unsafe worktree settings and unknown commit message placeholders', () => {
    expect(problems({ worktree: { copy: ['../secrets'] } })).toEqual([
      'config.json: worktree.copy[0]: expected a path or glob inside the repository (no leading / and no ..)',
    ]);
    expect(problems({ worktree: { branchPrefix: 'my branch/' } })).toEqual([
      'config.json: worktree.branchPrefix: expected a branch name prefix like "grove/"',
    ]);
    expect(problems({ commits: { message: 'turn {trun}' } })).toEqual([
      'config.json: commits.message: unknown placeholder {trun} (did you mean {turn}?); known: {session} {agent} {branch} {turn} {prompt}',
    ]);
  });

  it('reports every problem in a file at once', () => {
    expect(problems({ thme: 'x', mouse: 1, keys: { prefix: '' } })).toHaveLength(3);
  });
});

describe('files that are not JSON', () => {
  const notJson = (text: string): string[] => problems(text);

  it('names what is wrong and where, as line:column', () => {
    expect(notJson('{\n  "theme": "light",\n  "mouse": \n}')).toEqual(['config.json: not valid JSON: expected a value, found "}" at 4:1']);
    expect(notJson('{\n  "theme": "light",\n}')).toEqual(['config.json: not valid JSON: trailing comma at 2:19']);
    expect(notJson('{ "theme": "light" "mouse": true }')).toEqual([
      'config.json: not valid JSON: expected \',\' or \'}\', found "\\"" at 1:20',
    ]);
    expect(notJson('{\n  // my settings\n}')).toEqual(['config.json: not valid JSON: comments are not allowed in JSON at 2:3']);
    expect(notJson("{ 'theme': 1 }")).toEqual(['config.json: not valid JSON: expected a double-quoted key, found "\'" at 1:3']);
    expect(notJson('{ "theme": "light }')).toEqual(['config.json: not valid JSON: unterminated string at 1:20']);
    expect(notJson('')).toEqual(['config.json: not valid JSON: expected a value, found end of file at 1:1']);
    expect(notJson('{} {}')).toEqual(['config.json: not valid JSON: unexpected "{" after the end of the document at 1:4']);
  });

  it('accepts a byte-order mark', () => {
    expect(notJson('\ufeff{"mouse": false}')).toEqual([]);
  });
});

describe('the shipped JSON schemas', () => {
  const read = (name: string) => readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8');

  it('are what scripts/config-schema.js generates now (run `npm run build && node scripts/config-schema.js`)', () => {
    expect(read('config.schema.json')).toBe(schemaFileText(configJsonSchema(COMMANDS.map((command) => command.name))));
    expect(read('theme.schema.json')).toBe(schemaFileText(themeJsonSchema()));
  });

  it('lists command names under keys for editors, but not inside the zod schema', () => {
    const schema = configJsonSchema(['zoom', 'new-session']) as { properties: { keys: { propertyNames: { pattern: string } } } };
    const pattern = new RegExp(schema.properties.keys.propertyNames.pattern, 'u');
    expect(['prefix', 'root', 'zoom', 'select-session 1'.replace('select-session', 'new-session')].every((key) => pattern.test(key))).toBe(true);
    expect(pattern.test('kill-session')).toBe(false);
    expect(problems({ keys: { 'kill-session': 'k' } })).toEqual([]);
  });

  it('lists copy actions under keys["copy-mode-vi"], and only those', () => {
    const schema = configJsonSchema(['zoom']) as { properties: { keys: { propertyNames: { pattern: string }; properties: Record<string, { propertyNames: { pattern: string } }> } } };
    expect(new RegExp(schema.properties.keys.propertyNames.pattern, 'u').test('copy-mode-vi')).toBe(true);
    const pattern = new RegExp(schema.properties.keys.properties['copy-mode-vi']!.propertyNames.pattern, 'u');
    expect(['cancel', 'cursor-up', 'copy-selection-and-cancel'].every((name) => pattern.test(name))).toBe(true);
    expect(['zoom', 'copy-mode', 'cursor-up 3'].some((name) => pattern.test(name))).toBe(false);
  });
});
