/**
 * The tracker weighing an agent's own reports against its screen, on a fake clock: a report is published
 * at once and holds over the screen's rules, a question on screen beats it, and a keystroke answers a
 * reported question.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaneFrame } from '../../src/core/screen/frame.js';
import { findProfile } from '../../src/core/agents/builtins.js';
import { compileStatusRules } from '../../src/core/status/rules.js';
import type { SessionStatus, StatusSource } from '../../src/core/session/session.js';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';
import { StatusTracker } from '../../src/server/status-tracker.js';

const rules = compileStatusRules(findProfile('claude')!.statusRules);

/** The frame an emulator shows after `text` (parsed with real timers: xterm parses on its own schedule). */
async function frameOf(text: string): Promise<PaneFrame> {
  const emulator = new PaneEmulator({ cols: 60, rows: 10, scrollback: 10, onReply: () => undefined });
  await new Promise<void>((done) => emulator.write(text, done));
  const frame = emulator.frame();
  emulator.dispose();
  return frame;
}

const SCREENS = {
  working: '✻ Working… (esc to interrupt)',
  menu: 'Do you want to proceed?\r\n❯ 1. Yes\r\n  2. No, and tell Claude what to do differently (esc)',
  plain: 'Claude needs your permission',
};

describe('a status tracker with agent reports', () => {
  const frames = new Map<string, PaneFrame>();
  let shown: PaneFrame;
  let tracker: StatusTracker;
  let published: Array<[SessionStatus, StatusSource]>;
  beforeAll(async () => {
    for (const [name, text] of Object.entries(SCREENS)) frames.set(name, await frameOf(text));
  });
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    published = [];
    tracker = new StatusTracker({
      rules,
      frame: () => shown,
      title: () => '',
      foreground: () => undefined,
      changed: (status, _since, source) => published.push([status, source]),
    });
  });
  afterEach(() => {
    tracker.dispose();
    vi.useRealTimers();
  });

  const screen = (name: keyof typeof SCREENS) => (shown = frames.get(name)!);

  it('publishes a reported end of turn at once, though the screen still shows work', async () => {
    screen('working');
    tracker.output();
    await vi.advanceTimersByTimeAsync(500);
    expect(published.at(-1)).toEqual(['working', 'rules']);
    tracker.reported('idle', 'Stop');
    expect(published.at(-1)).toEqual(['idle', 'hook']);
    // More output (a redraw of a hint) does not make it working again: the agent said its turn ended.
    tracker.output();
    await vi.advanceTimersByTimeAsync(3000);
    expect(published.at(-1)).toEqual(['idle', 'hook']);
    expect(tracker.explain().join('\n')).toMatch(/idle \(from hook\)[\s\S]*reported Stop[\s\S]*esc to interrupt/);
  });

  it('lets a question on screen beat the last report, and a keystroke answer a reported question', async () => {
    screen('plain');
    tracker.reported('working', 'PreToolUse');
    screen('menu');
    tracker.output();
    await vi.advanceTimersByTimeAsync(1000);
    expect(published.at(-1)).toEqual(['waiting', 'rules']);

    screen('plain');
    tracker.reported('waiting', 'Notification');
    expect(published.at(-1)).toEqual(['waiting', 'hook']);
    // The user answers: the report no longer holds, and the screen (quiet, no question) decides.
    tracker.input();
    tracker.output();
    await vi.advanceTimersByTimeAsync(5000);
    expect(published.at(-1)![0]).toBe('idle');
    expect(published.at(-1)![1]).toBe('activity');
  });
});
