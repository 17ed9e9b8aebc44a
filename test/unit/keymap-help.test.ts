import { describe, expect, it } from 'vitest';
import { helpLines } from '../../src/client/views/help-overlay.js';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX, type KeyBinding } from '../../src/core/keymap/bindings.js';
import { cheatSheetMarkdown, helpSections, withKeysSection, type HelpRow } from '../../src/core/keymap/help.js';
import { Keymap } from '../../src/core/keymap/keymap.js';

const build = (prefix: string, bindings: readonly KeyBinding[]) => Keymap.build({ prefix, bindings });

/** Every row, of every section. */
const helpRows = (keymap: Keymap): HelpRow[] => helpSections(keymap).flatMap((section) => [...section.rows]);

describe('helpSections', () => {
  it('lists the commands first, untitled, with the prefix spelled out and the digits collapsed', () => {
    const [commands] = helpSections(build(DEFAULT_PREFIX, DEFAULT_BINDINGS));
    expect(commands!.title).toBeUndefined();
    expect(commands!.rows).toEqual([
      { keys: 'C-b c', command: 'new-session', description: 'New session' },
      { keys: 'C-b n', command: 'next-session', description: 'Next session' },
      { keys: 'C-b p', command: 'previous-session', description: 'Previous session' },
      { keys: 'C-b 0…9', command: 'select-session 0…9', description: 'Select session 0–9' },
      { keys: 'C-b x', command: 'kill-session', description: 'Kill session (asks first)' },
      { keys: 'C-b R', command: 'relaunch', description: 'Relaunch an exited or dead session' },
      { keys: 'C-b a', command: 'show-all', description: 'Toggle showing every repository' },
      { keys: 'C-b w', command: 'jump-waiting', description: 'Focus the session waiting longest' },
      { keys: 'C-b C', command: 'show-conflicts', description: 'Show the conflict matrix' },
      { keys: 'C-b Space', command: 'next-layout', description: 'Next layout (focus / tiled)' },
      { keys: 'C-b z', command: 'zoom', description: 'Zoom the focused pane' },
      { keys: 'C-b Left', command: 'select-pane left', description: 'Focus the pane to the left' },
      { keys: 'C-b Right', command: 'select-pane right', description: 'Focus the pane to the right' },
      { keys: 'C-b Up', command: 'select-pane up', description: 'Focus the pane above' },
      { keys: 'C-b Down', command: 'select-pane down', description: 'Focus the pane below' },
      { keys: 'C-b [', command: 'copy-mode', description: 'Copy mode: scroll back, search and copy' },
      { keys: 'C-b ]', command: 'paste-buffer', description: 'Paste the last copied text' },
      { keys: 'C-b M', command: 'toggle-mouse', description: 'Turn the mouse on or off' },
      { keys: 'C-b D', command: 'diff', description: 'Review what the session changed' },
      { keys: 'C-b U', command: 'checkpoints', description: 'Undo a turn of the workspace session' },
      { keys: 'C-b W', command: 'move-session', description: 'Move the session to a worktree or back' },
      { keys: 'C-b m', command: 'merge', description: 'Preview and merge the worktree session' },
      { keys: 'C-b X', command: 'remove-worktree', description: 'Remove the session and its worktree' },
      { keys: 'C-b s', command: 'commit-turn', description: 'Commit the worktree session now' },
      { keys: 'C-b u', command: 'sync', description: 'Sync the worktree session with its base' },
      { keys: 'C-b F', command: 'fanout', description: 'Fan out: one task to several agents' },
      { keys: 'C-b V', command: 'compare', description: "Compare the fan-out's variants" },
      { keys: 'C-b g', command: 'toggle-group', description: 'Fold or unfold the fan-out' },
      { keys: 'C-b o', command: 'open-worktree', description: "Open a shell in the session's worktree" },
      { keys: 'C-b P', command: 'prune', description: 'Clear leftover worktrees and branches' },
      { keys: 'C-b ?', command: 'help', description: 'List key bindings' },
      { keys: 'C-b d', command: 'detach', description: 'Detach (sessions keep running)' },
      { keys: 'C-b C-b', command: 'send-prefix', description: 'Send the prefix key to the pane' },
    ]);
  });

  it('then copy mode, one row per action with its keys together, bare', () => {
    const sections = helpSections(build(DEFAULT_PREFIX, DEFAULT_BINDINGS));
    expect(sections.map((section) => section.title)).toEqual([undefined, 'Copy mode']);
    const copyMode = sections[1]!.rows;
    expect(copyMode).toHaveLength(28);
    expect(copyMode.slice(0, 2)).toEqual([
      { keys: 'h, Left', command: 'cursor-left', description: 'Cursor left' },
      { keys: 'l, Right', command: 'cursor-right', description: 'Cursor right' },
    ]);
    expect(copyMode).toContainEqual({ keys: 'PPage', command: 'page-up', description: 'Page up' });
    expect(copyMode).toContainEqual({ keys: '0, Home', command: 'start-of-line', description: 'Start of the line' });
    expect(copyMode.at(-1)).toEqual({ keys: 'q, Escape, C-c', command: 'cancel', description: 'Leave copy mode' });
  });

  it('puts a rebound key with the action\'s other keys, wherever it was declared', () => {
    const bindings: KeyBinding[] = [
      { table: 'copy-mode-vi', key: 'k', command: 'cursor-up', description: 'Cursor up' },
      { table: 'copy-mode-vi', key: 'q', command: 'cancel', description: 'Leave copy mode' },
      { table: 'copy-mode-vi', key: 'C-p', command: 'cursor-up', description: 'Cursor up' },
    ];
    expect(helpSections(build('C-b', bindings))).toEqual([{
      title: 'Copy mode',
      rows: [
        { keys: 'k, C-p', command: 'cursor-up', description: 'Cursor up' },
        { keys: 'q', command: 'cancel', description: 'Leave copy mode' },
      ],
    }]);
  });

  it('keeps one command\'s keys in different tables apart', () => {
    const bindings: KeyBinding[] = [
      { table: 'prefix', key: 'z', command: 'zoom', description: 'Zoom' },
      { table: 'root', key: 'M-z', command: 'zoom', description: 'Zoom' },
      { table: 'prefix', key: 'Z', command: 'zoom', description: 'Zoom' },
    ];
    expect(helpRows(build('C-b', bindings)).map((row) => row.keys)).toEqual(['C-b z, C-b Z', 'M-z']);
  });

  it('follows a rebound prefix', () => {
    const [commands, copyMode] = helpSections(build('C-a', DEFAULT_BINDINGS));
    expect(commands!.rows[0]?.keys).toBe('C-a c');
    expect(commands!.rows.at(-1)).toEqual({ keys: 'C-a C-a', command: 'send-prefix', description: 'Send the prefix key to the pane' });
    // With the prefix elsewhere, copy mode's C-b pages up again (under C-b it could never fire).
    expect(copyMode!.rows).toContainEqual({ keys: 'PPage, C-b', command: 'page-up', description: 'Page up' });
  });

  it('shows root-table keys without the prefix', () => {
    const rows = helpRows(build('C-b', [{ table: 'root', key: 'M-z', command: 'zoom', description: 'Zoom' }]));
    expect(rows).toEqual([{ keys: 'M-z', command: 'zoom', description: 'Zoom' }]);
  });

  it('collapses only runs that really are one command over consecutive digits', () => {
    const digit = (key: string, args: string[], description: string): KeyBinding => ({
      table: 'prefix', key, command: 'select-session', args, description,
    });
    const gapped = [digit('1', ['1'], 'Select session 1'), digit('2', ['2'], 'Select session 2'), digit('4', ['4'], 'Select session 4')];
    expect(helpRows(build('C-b', gapped)).map((row) => row.keys)).toEqual(['C-b 1…2', 'C-b 4']);

    const overridden = [digit('1', ['1'], 'Select session 1'), digit('2', ['7'], 'Select session 7')];
    expect(helpRows(build('C-b', overridden)).map((row) => row.keys)).toEqual(['C-b 1', 'C-b 2']);

    const described = [digit('1', ['1'], 'Select session 1'), digit('2', ['2'], 'Jump to the build')];
    expect(helpRows(build('C-b', described)).map((row) => row.keys)).toEqual(['C-b 1', 'C-b 2']);
  });
});

describe('the help screen', () => {
  it('shows copy mode under its own title after a blank line, its keys aligned with the others', () => {
    const lines = helpLines(build(DEFAULT_PREFIX, DEFAULT_BINDINGS));
    const title = lines.indexOf('Copy mode');
    expect(title).toBe(33 + 1);
    expect(lines[title - 1]).toBe('');
    expect(lines[title + 1]).toMatch(/^h, Left +Cursor left$/);
    expect(lines.at(-1)).toMatch(/^q, Escape, C-c  Leave copy mode$/);
    expect(lines[0]!.indexOf('New session')).toBe(lines.at(-1)!.indexOf('Leave copy mode'));
  });
});

describe('cheatSheetMarkdown', () => {
  it('is a Markdown table of the help rows', () => {
    const markdown = cheatSheetMarkdown(build(DEFAULT_PREFIX, DEFAULT_BINDINGS));
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('Keys are written as in tmux: `C-b c` means press Ctrl+b (the prefix), let go, then press c.');
    expect(lines).toContain('| Keys | Command | What it does |');
    expect(lines).toContain('| `C-b 0…9` | `select-session 0…9` | Select session 0–9 |');
    expect(lines).toContain('| `C-b C-b` | `send-prefix` | Send the prefix key to the pane |');
    expect(lines.filter((line) => line.startsWith('| `'))).toHaveLength(33 + 28);
  });

  it('has a table of copy mode\'s keys after the commands, saying how to get there', () => {
    const markdown = cheatSheetMarkdown(build('C-a', DEFAULT_BINDINGS));
    const [commands, copyMode] = markdown.split('\n\n**Copy mode.**');
    expect(commands).toContain('| `C-a [` | `copy-mode` | Copy mode: scroll back, search and copy |');
    const lines = copyMode!.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      " These keys work in copy mode (`C-a [`), without the prefix (tmux's `copy-mode-vi` table):",
      '',
      '| Keys | Action | What it does |',
      '| --- | --- | --- |',
    ]);
    expect(lines.slice(4).every((line) => line.startsWith('| `'))).toBe(true);
    expect(lines).toHaveLength(4 + 28);
    expect(copyMode).toContain('| `h, Left` | `cursor-left` | Cursor left |');
    expect(copyMode).toContain('| `q, Escape, C-c` | `cancel` | Leave copy mode |');
    expect(copyMode).not.toContain('copy-mode` | Copy mode');
  });

  it('escapes pipes and backticks so odd keys do not break the table', () => {
    const markdown = cheatSheetMarkdown(
      build('C-b', [
        { table: 'prefix', key: '|', command: 'split', description: 'Split | join' },
        { table: 'prefix', key: '`', command: 'tick', description: 'Tick' },
      ]),
    );
    expect(markdown).toContain('| `C-b \\|` | `split` | Split \\| join |');
    expect(markdown).toContain('| `` C-b ` `` | `tick` | Tick |');
  });
});

describe('withKeysSection', () => {
  it('replaces what lies between the markers and nothing else', () => {
    const readme = '# grove\n\nintro\n<!-- keys:start -->\nold table\n<!-- keys:end -->\n\nmore\n';
    expect(withKeysSection(readme, 'new table')).toBe(
      '# grove\n\nintro\n<!-- keys:start -->\nnew table\n<!-- keys:end -->\n\nmore\n',
    );
  });

  it('is stable: applying it twice changes nothing more', () => {
    const once = withKeysSection('<!-- keys:start --><!-- keys:end -->', 'table')!;
    expect(withKeysSection(once, 'table')).toBe(once);
  });

  it('refuses a README without the markers, or with them reversed', () => {
    expect(withKeysSection('# grove\n', 'table')).toBeUndefined();
    expect(withKeysSection('<!-- keys:end --> <!-- keys:start -->', 'table')).toBeUndefined();
  });
});
