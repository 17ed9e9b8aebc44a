/**
 * Commands against a fake client: each test sets up a view, runs a command through the registry as a
 * key would, and checks what it asked the client to do.
 */
import { describe, expect, it } from 'vitest';
import { commandProblem, type ClientActions, type ClientView } from '../../src/core/commands/command.js';
import { COMMANDS, findCommand } from '../../src/core/commands/registry.js';
import { DEFAULT_BINDINGS } from '../../src/core/keymap/bindings.js';
import type { SessionInfo, SessionStatus } from '../../src/core/session/session.js';

function session(id: string, status: SessionStatus = 'working'): SessionInfo {
  return { id, name: id, command: 'bash', args: [], cwd: '/tmp', repo: '/tmp', isolation: 'workspace', agent: 'shell', status, statusSince: 0, title: '', createdAt: 0 };
}

function view(overrides: Partial<ClientView> = {}): ClientView {
  return { sessions: [session('a'), session('b'), session('c')], focusedId: 'a', layout: 'focus', zoomed: false, visiblePanes: [], prefix: 'C-b', showAll: false, mouse: true, hasPasteBuffer: false, ...overrides };
}

class FakeClient implements ClientActions {
  readonly calls: string[] = [];
  private pendingYes: (() => void) | undefined;
  focus(id: string) { this.calls.push(`focus ${id}`); }
  setLayout(mode: string) { this.calls.push(`layout ${mode}`); }
  setZoomed(zoomed: boolean) { this.calls.push(`zoom ${zoomed}`); }
  sendKeys(id: string, data: string) { this.calls.push(`send ${id} ${JSON.stringify(data)}`); }
  openNewSessionDialog() { this.calls.push('dialog'); }
  confirm(question: string, onYes: () => void) { this.calls.push(`ask ${question}`); this.pendingYes = onYes; }
  killSession(id: string) { this.calls.push(`kill ${id}`); }
  relaunch(id: string) { this.calls.push(`relaunch ${id}`); }
  setShowAll(showAll: boolean) { this.calls.push(`show-all ${showAll}`); }
  showHelp() { this.calls.push('help'); }
  showConflicts() { this.calls.push('conflicts'); }
  detach() { this.calls.push('detach'); }
  message(text: string) { this.calls.push(`message ${text}`); }
  enterCopyMode(id: string) { this.calls.push(`copy-mode ${id}`); }
  pasteBuffer(id: string) { this.calls.push(`paste ${id}`); }
  setMouse(on: boolean) { this.calls.push(`mouse ${on}`); }
  openDiff(id: string) { this.calls.push(`diff ${id}`); }
  openCheckpoints(id: string) { this.calls.push(`checkpoints ${id}`); }
  moveSession(id: string, to: string) { this.calls.push(`move ${id} ${to}`); }
  openMerge(id: string) { this.calls.push(`merge ${id}`); }
  removeWorktree(id: string) { this.calls.push(`remove ${id}`); }
  commitTurn(id: string) { this.calls.push(`commit ${id}`); }
  openWorktreeShell(id: string) { this.calls.push(`open ${id}`); }
  openPrune() { this.calls.push('prune'); }
  openFanoutDialog() { this.calls.push('fanout'); }
  openCompare(ids: readonly string[]) { this.calls.push(`compare ${ids.join(' ')}`); }
  toggleGroup(group: string) { this.calls.push(`fold ${group}`); }
  syncWithBase(id: string) { this.calls.push(`sync ${id}`); }
  answerYes() { this.pendingYes?.(); }
}

/** Runs a command as a key does (on the focused session), or as a command line does (on `targetId`). */
function run(name: string, v: ClientView, args: string[] = [], targetId = v.focusedId) {
  const command = findCommand(name)!;
  const client = new FakeClient();
  const target = v.sessions.find((s) => s.id === targetId);
  const reason = commandProblem(command, v, target, args);
  if (reason === undefined) command.run({ view: v, actions: client, args, target });
  return { reason, calls: client.calls, client };
}

describe('the command table', () => {
  it('has a command for every default key binding outside copy mode, and unique names', () => {
    // Copy mode's rows name copy actions instead, which Keymap.build checks.
    const commandRows = DEFAULT_BINDINGS.filter((binding) => binding.table !== 'copy-mode-vi');
    expect(commandRows.length).toBeGreaterThan(0);
    for (const binding of commandRows) expect(findCommand(binding.command), binding.command).toBeDefined();
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});

describe('commands', () => {
  it('next-session and previous-session wrap around', () => {
    expect(run('next-session', view({ focusedId: 'c' })).calls).toEqual(['focus a']);
    expect(run('previous-session', view({ focusedId: 'a' })).calls).toEqual(['focus c']);
  });

  it('next-session says why it cannot run with one session', () => {
    const result = run('next-session', view({ sessions: [session('a')] }));
    expect(result.reason).toBe('only one session');
    expect(result.calls).toEqual([]);
  });

  it('select-session focuses by index and refuses a missing one', () => {
    expect(run('select-session', view(), ['2']).calls).toEqual(['focus c']);
    expect(run('select-session', view(), ['7']).reason).toBe('no session 7');
  });

  it('next-layout leaves zoom and switches layout', () => {
    expect(run('next-layout', view({ zoomed: true })).calls).toEqual(['zoom false', 'layout tiled']);
  });

  it('zoom toggles, and needs a session', () => {
    expect(run('zoom', view()).calls).toEqual(['zoom true']);
    expect(run('zoom', view({ sessions: [], focusedId: undefined })).reason).toBe('no session');
  });

  it('kill-session asks before killing a running session, and kills only on yes', () => {
    const result = run('kill-session', view());
    expect(result.calls).toEqual(['ask kill session a? (y/n)']);
    result.client.answerYes();
    expect(result.calls).toContain('kill a');
  });

  it('kill-session says that a worktree session\'s worktree and branch stay', () => {
    const worktree = { repoPath: '/r', worktreePath: '/r.worktrees/a', branch: 'grove/a', baseBranch: 'main', baseCommit: 'c' };
    const result = run('kill-session', view({ sessions: [{ ...session('a'), worktree, isolation: 'worktree' }] }));
    expect(result.calls).toEqual(['ask kill session a; its worktree and branch grove/a stay? (y/n)']);
  });

  it('kill-session closes a finished session without asking', () => {
    expect(run('kill-session', view({ sessions: [session('a', 'exited')] })).calls).toEqual(['kill a']);
  });

  it('detach leaves at once: the sessions belong to the server and keep running', () => {
    expect(run('detach', view()).calls).toEqual(['detach']);
  });

  it('send-prefix types the prefix key itself', () => {
    expect(run('send-prefix', view()).calls).toEqual(['send a "\\u0002"']);
    expect(run('send-prefix', view({ prefix: 'C-a' })).calls).toEqual(['send a "\\u0001"']);
  });

  it('select-pane moves to the neighbour on screen', () => {
    const visiblePanes = [
      { id: 'a', rect: { x: 0, y: 1, width: 40, height: 20 } },
      { id: 'b', rect: { x: 41, y: 1, width: 40, height: 20 } },
    ];
    expect(run('select-pane', view({ visiblePanes, layout: 'tiled' }), ['right']).calls).toEqual(['focus b']);
    expect(run('select-pane', view({ visiblePanes, layout: 'tiled' }), ['left']).reason).toBe('no pane left');
    expect(run('select-pane', view({ visiblePanes }), ['sideways']).reason).toMatch(/needs a direction/);
  });

  it('relaunch starts only a session that has ended', () => {
    expect(run('relaunch', view({ sessions: [session('a', 'dead')] })).calls).toEqual(['relaunch a']);
    expect(run('relaunch', view()).reason).toBe('a is still running');
  });

  it('show-all toggles between this repository and every one', () => {
    expect(run('show-all', view()).calls).toEqual(['show-all true']);
    expect(run('show-all', view({ showAll: true })).calls).toEqual(['show-all false']);
  });

  it('copy-mode freezes the focused pane, and needs one', () => {
    expect(run('copy-mode', view({ focusedId: 'b' })).calls).toEqual(['copy-mode b']);
    expect(run('copy-mode', view({ sessions: [], focusedId: undefined })).reason).toBe('no session');
  });

  it('paste-buffer pastes only once something was copied', () => {
    expect(run('paste-buffer', view()).reason).toBe('nothing copied yet');
    expect(run('paste-buffer', view({ hasPasteBuffer: true })).calls).toEqual(['paste a']);
  });

  it('toggle-mouse turns the mouse off and on again, saying which', () => {
    expect(run('toggle-mouse', view()).calls).toEqual(['mouse false', expect.stringMatching(/^message mouse off/)]);
    expect(run('toggle-mouse', view({ mouse: false })).calls).toEqual(['mouse true', expect.stringMatching(/^message mouse on/)]);
  });

  it('jump-waiting focuses the session that has waited longest, and says when none waits', () => {
    const sessions = [{ ...session('a', 'waiting'), statusSince: 50 }, { ...session('b', 'waiting'), statusSince: 10 }, session('c')];
    expect(run('jump-waiting', view({ sessions })).calls).toEqual(['focus b']);
    expect(run('jump-waiting', view()).reason).toBe('no session is waiting');
  });

  it('show-conflicts needs a worktree session', () => {
    expect(run('show-conflicts', view()).reason).toBe('no worktree sessions');
    const worktree = { repoPath: '/r', worktreePath: '/r.worktrees/a', branch: 'grove/a', baseBranch: 'main', baseCommit: 'abc' };
    expect(run('show-conflicts', view({ sessions: [{ ...session('a'), worktree }] })).calls).toEqual(['conflicts']);
  });

  it('act on the session a command line names, not the focused one', () => {
    expect(run('copy-mode', view(), [], 'c').calls).toEqual(['copy-mode c']);
    expect(run('send-prefix', view(), [], 'b').calls).toEqual(['send b "\\u0002"']);
    expect(run('kill-session', view({ sessions: [session('a'), session('b', 'exited')] }), [], 'b').calls).toEqual(['kill b']);
    // Zooming another session's pane focuses it first; the focused one toggles as its key does.
    expect(run('zoom', view({ zoomed: true }), [], 'b').calls).toEqual(['focus b', 'zoom true']);
    expect(run('zoom', view({ zoomed: true }), [], 'a').calls).toEqual(['zoom false']);
  });

  it('say which argument is missing before anything else', () => {
    expect(run('select-session', view()).reason).toBe('needs index');
    expect(run('select-pane', view()).reason).toBe('needs direction');
    expect(run('select-session', view(), ['-1']).reason).toBe('no session -1');
  });

  it('new-session and help open their views', () => {
    expect(run('new-session', view()).calls).toEqual(['dialog']);
    expect(run('help', view()).calls).toEqual(['help']);
  });
});

describe('review commands', () => {
  const worktree = { repoPath: '/r', worktreePath: '/r.worktrees/w', branch: 'grove/w', baseBranch: 'main', baseCommit: 'abc' };
  const inWorktree = (): SessionInfo => ({ ...session('w'), isolation: 'worktree', worktree });

  it('work on the focused worktree session', () => {
    const v = view({ sessions: [session('a'), inWorktree()], focusedId: 'w' });
    expect(['diff', 'merge', 'remove-worktree', 'commit-turn', 'open-worktree'].flatMap((name) => run(name, v).calls))
      .toEqual(['diff w', 'merge w', 'remove w', 'commit w', 'open w']);
  });

  it('refuse, saying why, on a session that works in the checkout; only diff works there', () => {
    for (const name of ['merge', 'remove-worktree', 'commit-turn', 'open-worktree']) {
      expect(run(name, view()).reason, name).toBe('a works in the checkout, not a worktree');
    }
    expect(run('diff', view()).calls).toEqual(['diff a']);
    expect(run('merge', view({ sessions: [], focusedId: undefined })).reason).toBe('no session');
  });

  it('compare and toggle-group work on a fan-out\'s variants only', () => {
    const variant = (id: string): SessionInfo => ({ ...inWorktree(), id, name: id, group: 'g' });
    const v = view({ sessions: [variant('g-1'), session('a'), variant('g-2')], focusedId: 'g-2' });
    expect(run('compare', v).calls).toEqual(['compare g-1 g-2']);
    expect(run('toggle-group', v).calls).toEqual(['fold g']);
    expect(run('compare', view({ sessions: [inWorktree()], focusedId: 'w' })).reason).toBe("w is not one of a fan-out's variants");
    expect(run('fanout', view()).calls).toEqual(['fanout']);
  });

  it('prune needs no session', () => {
    expect(run('prune', view({ sessions: [], focusedId: undefined })).calls).toEqual(['prune']);
  });
});
