/**
 * How the detector weighs its signals: a blocking read of the terminal, the profile's rules, a job in the
 * foreground, fresh output (but not the echo of a keystroke), and silence — in that order.
 */
import { describe, expect, it } from 'vitest';
import { SHELL_PROFILE } from '../../src/core/agents/builtins.js';
import { DEFAULT_DETECTOR_TIMING, describeDetection, detectStatus } from '../../src/core/status/detect.js';
import { screenText, type ForegroundSignal, type ScreenObservation } from '../../src/core/status/observation.js';
import { compileStatusRules } from '../../src/core/status/rules.js';
import { DEFAULT_MODES, PLAIN, type PaneFrame } from '../../src/core/screen/frame.js';

const rules = compileStatusRules(SHELL_PROFILE.statusRules);
const NOW = 50_000;
const shellAtPrompt: ForegroundSignal = { isProgram: true, readingTerminal: false };

function shell(overrides: Partial<ScreenObservation>): ScreenObservation {
  return { lines: [], cursorText: '', title: '', now: NOW, ...overrides };
}

describe('signals, strongest first', () => {
  it('calls a blocking read of the terminal waiting, whatever the screen says', () => {
    const reading = { isProgram: true, readingTerminal: true };
    const detection = detectStatus(rules, shell({ cursorText: 'user@box:~$ ', foreground: reading, lastOutputAt: NOW - 10 }));
    expect(detection).toEqual({ status: 'waiting', reason: { kind: 'reading-terminal' } });
  });

  it('lets a matching rule decide before a job or fresh output', () => {
    const detection = detectStatus(rules, shell({ cursorText: 'Overwrite it? [y/N] ', foreground: { isProgram: false, readingTerminal: false } }));
    expect(detection.status).toBe('waiting');
    expect(describeDetection(detection)).toMatch(/^waiting: rule 1 matched/);
    expect(detectStatus(rules, shell({ cursorText: 'user@box:~$ ', foreground: shellAtPrompt, lastOutputAt: NOW - 5 })).status).toBe('idle');
  });

  it('calls a job holding the terminal working, even a silent one', () => {
    const job = { isProgram: false, readingTerminal: false };
    expect(detectStatus(rules, shell({ cursorText: '', foreground: job })).reason).toEqual({ kind: 'job-in-foreground' });
    // A job's own `$ ` is not the shell's prompt.
    expect(detectStatus(rules, shell({ cursorText: 'cost: $ ', foreground: job })).status).toBe('working');
  });

  it('calls recent output working, and silence idle', () => {
    const printedAgo = (ms: number) => detectStatus(rules, shell({ lastOutputAt: NOW - ms, foreground: shellAtPrompt }));
    expect(printedAgo(DEFAULT_DETECTOR_TIMING.activityMs - 1)).toEqual({ status: 'working', reason: { kind: 'output' } });
    expect(printedAgo(DEFAULT_DETECTOR_TIMING.activityMs)).toEqual({ status: 'idle', reason: { kind: 'quiet' } });
    expect(detectStatus(rules, shell({})).status).toBe('idle');
  });

  it('does not count the echo of a keystroke as work, but does count what keeps coming after it', () => {
    const typedAt = NOW - 400;
    const echo = detectStatus(rules, shell({ lastInputAt: typedAt, lastOutputAt: typedAt + 5 }));
    expect(echo.status).toBe('idle');
    const answer = detectStatus(rules, shell({ lastInputAt: typedAt, lastOutputAt: typedAt + DEFAULT_DETECTOR_TIMING.echoMs + 50 }));
    expect(answer.status).toBe('working');
  });
});

describe('screen text from a frame', () => {
  function frame(rows: string[][], cursor: { x: number; y: number }): PaneFrame {
    const cols = 12;
    return {
      cols,
      rows: rows.length,
      lines: rows.map((cells) => [{ style: PLAIN, cells: [...cells, ...Array<string>(cols - cells.length).fill(' ')] }]),
      cursor: { ...cursor, visible: true },
      title: '',
      modes: DEFAULT_MODES,
    };
  }

  it('trims rows and cuts the cursor row at the cursor, counting a wide character once', () => {
    const text = screenText(frame([['h', 'i'], ['日', '', '$', ' ', 'l', 's']], { x: 4, y: 1 }));
    expect(text.lines).toEqual(['hi', '日$ ls']);
    expect(text.cursorText).toBe('日$ ');
  });

  it('gives an empty cursor text when the cursor is off the rows', () => {
    expect(screenText(frame([['x']], { x: 0, y: 5 })).cursorText).toBe('');
  });
});
