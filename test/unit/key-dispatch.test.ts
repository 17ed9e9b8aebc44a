/**
 * Where keys go, with a recording target in place of the app: to the pane, to a command, to copy mode,
 * or to a question. The keymap is the default one plus a root binding, M-n, to see that copy mode takes
 * root keys for itself while the prefix keeps working.
 */
import { describe, expect, it } from 'vitest';
import type { ClientView, CommandContext } from '../../src/core/commands/command.js';
import type { InputEvent } from '../../src/core/keys/input-event.js';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX } from '../../src/core/keymap/bindings.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { DEFAULT_MODES } from '../../src/core/screen/frame.js';
import { KeyDispatch, type DispatchTarget } from '../../src/client/key-dispatch.js';

const keymap = Keymap.build({
  prefix: DEFAULT_PREFIX,
  bindings: [...DEFAULT_BINDINGS, { table: 'root', key: 'M-n', command: 'next-session', description: 'Next session' }],
});

const key = (name: string, raw = name): InputEvent => ({ kind: 'key', key: name, raw });

function recorder(options: { copyMode?: boolean; bracketedPaste?: boolean } = {}) {
  const log: string[] = [];
  const view: ClientView = {
    sessions: [], focusedId: 'a', layout: 'focus', zoomed: false, visiblePanes: [], prefix: 'C-b', showAll: false, mouse: true, hasPasteBuffer: false,
  };
  const actions = new Proxy({}, { get: (_, name) => (...args: unknown[]) => log.push(`action ${String(name)} ${args.join(' ')}`.trim()) });
  let question: ((yes: boolean) => void) | undefined;
  const target: DispatchTarget = {
    modal: undefined,
    closeModal: () => undefined,
    get question() { return question; },
    view: () => view,
    context: (args, target): CommandContext => ({ view, actions: actions as CommandContext['actions'], args, target }),
    focusedModes: () => (options.bracketedPaste ? { ...DEFAULT_MODES, bracketedPaste: true } : undefined),
    sendToFocused: (data) => log.push(`pane ${JSON.stringify(data)}`),
    prefixPendingChanged: (pending) => log.push(`prefix ${pending}`),
    message: (text) => log.push(`message ${text}`),
    ...(options.copyMode ? { copyMode: () => ({ handleKey: (k: string) => log.push(`copy ${k}`) }) } : {}),
  };
  return { log, dispatch: new KeyDispatch(keymap, target), ask: (handler: (yes: boolean) => void) => (question = handler) };
}

describe('KeyDispatch', () => {
  it('sends typed keys to the pane in one write, and runs root and prefix bindings', () => {
    const { log, dispatch } = recorder();
    dispatch.dispatch([key('l'), key('s'), key('Enter', '\r')]);
    dispatch.dispatch([key('M-n', '\x1bn')]);
    dispatch.dispatch([key('C-b', '\x02'), key('n')]);
    // next-session runs its canRun, which refuses: this view has no sessions to move between.
    expect(log).toEqual([
      'pane "ls\\r"',
      'message next-session: only one session',
      'prefix true',
      'prefix false',
      'message next-session: only one session',
    ]);
  });

  it('gives copy mode every key, root bindings included, but the prefix and the key after it', () => {
    const { log, dispatch } = recorder({ copyMode: true });
    dispatch.dispatch([key('k'), key('M-n', '\x1bn'), key('q')]);
    expect(log).toEqual(['copy k', 'copy M-n', 'copy q']);
    log.length = 0;
    dispatch.dispatch([key('C-b', '\x02'), key('?')]);
    expect(log).toEqual(['prefix true', 'prefix false', 'action showHelp']);
  });

  it('says so when the key after the prefix is not bound, and types nothing', () => {
    const { log, dispatch } = recorder();
    dispatch.dispatch([key('C-b', '\x02'), key('F12', '\x1b[24~')]);
    expect(log).toEqual(['prefix true', 'prefix false', 'message C-b F12 is not bound (C-b ? lists the keys)']);
  });

  it('lets a pending question take the next key, whatever it is', () => {
    const { log, dispatch, ask } = recorder();
    const answers: boolean[] = [];
    ask((yes) => answers.push(yes));
    dispatch.dispatch([key('y')]);
    expect(answers).toEqual([true]);
    expect(log).toEqual([]);
  });

  it('forwards a paste from the terminal with no end marker left in it, however nested (issue 16.4)', () => {
    const { log, dispatch } = recorder({ bracketedPaste: true });
    dispatch.dispatch([{ kind: 'paste', text: 'echo x\x1b[20\x1b[201~1~; touch pwned', raw: '' }]);
    expect(log).toEqual([`pane ${JSON.stringify('\x1b[200~echo x; touch pwned\x1b[201~')}`]);
  });
});
