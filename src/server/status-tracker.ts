/**
 * A session's live status: observations of its screen, output, keystrokes and foreground process, fed
 * through the pure detector and debouncer (src/core/status) at the moments they can change.
 *
 * No clock ticks while nothing happens. Output, a keystroke or a screen change asks for an observation
 * (at most one per OBSERVE_MS); an observation then schedules the next only while something is still
 * pending: a candidate status waiting out its debounce, or recent output whose "working" evidence is about
 * to expire. Once the status has settled and the program is quiet, no timer is armed, so twenty idle
 * sessions cost nothing until one of them prints or is typed into.
 *
 * An agent that reports its own lifecycle (`grove hook`) is weighed with its screen by core/status/weigh.ts,
 * which also says what of a report a keystroke leaves.
 */
import type { Disposable } from '../core/disposable.js';
import { initialStatus, nextStatus, pendingUntil, type StatusState } from '../core/status/debounce.js';
import { afterInput, weigh } from '../core/status/weigh.js';
import { describeDetection, detectStatus, DEFAULT_DETECTOR_TIMING, matchedLines, type Detection } from '../core/status/detect.js';
import { screenText, type ForegroundSignal, type ScreenObservation } from '../core/status/observation.js';
import type { CompiledRule, RawStatus } from '../core/status/rules.js';
import type { PaneFrame } from '../core/screen/frame.js';
import type { SessionStatus, StatusSource } from '../core/session/session.js';

/** Observations are at most this frequent: a flood of output is judged a few times a second, not per chunk. */
const OBSERVE_MS = 100;

export interface StatusSources {
  readonly rules: readonly CompiledRule[];
  frame(): PaneFrame;
  title(): string;
  /** What the terminal's foreground process is doing, where the OS can tell. */
  foreground(): ForegroundSignal | undefined;
  /** A new status (or the same from a new source), published. */
  changed(status: SessionStatus, since: number, source: StatusSource): void;
}

/** What the agent last reported, while it still holds. */
interface Report {
  readonly status: RawStatus;
  readonly event: string;
  readonly at: number;
}

export class StatusTracker implements Disposable {
  private state: StatusState;
  private lastOutputAt: number | undefined;
  private lastInputAt: number | undefined;
  private lastObservedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private stopped = false;
  private report: Report | undefined;
  private source: StatusSource = 'lifecycle';
  /** The last observation and what the screen said of it, for explain(). */
  private last: { observation: ScreenObservation; detection: Detection } | undefined;

  constructor(private readonly sources: StatusSources, now = Date.now()) {
    this.state = initialStatus(now);
  }

  get status(): SessionStatus {
    return this.state.status;
  }

  output(now = Date.now()): void {
    this.lastOutputAt = now;
    this.soon(now);
  }

  input(now = Date.now()): void {
    this.lastInputAt = now;
    if (afterInput(this.report?.status) === undefined) this.report = undefined;
    // Before its first output a program is `starting`; a keystroke alone says nothing yet.
    if (this.lastOutputAt !== undefined) this.soon(now);
  }

  /** The agent reported its status (a hook): published at once, and believed until its next report. */
  reported(status: RawStatus, event: string, now = Date.now()): void {
    if (this.stopped) return;
    this.report = { status, event, at: now };
    this.lastOutputAt ??= now;
    this.observe(now);
  }

  /** Why the session has its status now: the source, the rule or event, and the screen lines it matched. */
  explain(now = Date.now()): string[] {
    const lines = [`${this.state.status} (from ${this.source}) since ${new Date(this.state.since).toISOString()}`];
    if (this.report) lines.push(`the agent reported ${this.report.event} ${Math.round((now - this.report.at) / 1000)}s ago: ${this.report.status}`);
    if (this.last) {
      lines.push(`its screen says ${describeDetection(this.last.detection)}`);
      lines.push(...matchedLines(this.sources.rules, this.last.detection, this.last.observation).map((line) => `  │ ${line}`));
    }
    return lines;
  }

  /** The program ended (or its server died): final, and no more observations. */
  finish(status: 'exited' | 'dead', now = Date.now()): void {
    this.apply(nextStatus(this.state, { kind: status === 'exited' ? 'exited' : 'died', now }), 'lifecycle');
    this.dispose();
  }

  dispose(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private soon(now: number): void {
    this.at(Math.max(now, this.lastObservedAt + OBSERVE_MS));
  }

  /** Arms the one timer for `when`, unless it is already armed for earlier. */
  private at(when: number): void {
    if (this.stopped || when >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = when;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.observe(Date.now());
    }, Math.max(0, when - Date.now()));
  }

  private observe(now: number): void {
    if (this.stopped || this.lastOutputAt === undefined) return;
    this.lastObservedAt = now;
    const { lines, cursorText } = screenText(this.sources.frame());
    const foreground = this.sources.foreground();
    const observation: ScreenObservation = {
      lines,
      cursorText,
      title: this.sources.title(),
      now,
      lastOutputAt: this.lastOutputAt,
      ...(this.lastInputAt !== undefined ? { lastInputAt: this.lastInputAt } : {}),
      ...(foreground ? { foreground } : {}),
    };
    const detection = detectStatus(this.sources.rules, observation);
    this.last = { observation, detection };
    const weighed = weigh(this.state, this.source, detection, this.report?.status, now);
    this.apply(weighed.state, weighed.source);
    this.scheduleNext(now);
  }

  private scheduleNext(now: number): void {
    const pending = pendingUntil(this.state);
    if (pending !== undefined) return this.at(Math.max(pending, now + OBSERVE_MS));
    const outputExpires = this.lastOutputAt! + DEFAULT_DETECTOR_TIMING.activityMs;
    if (outputExpires > now) return this.at(outputExpires);
  }

  /** Publishes a change of status, or of what it rests on. */
  private apply(next: StatusState, source: StatusSource): void {
    const before = this.state;
    this.state = next;
    if (next.status === before.status && next.since === before.since && source === this.source) return;
    this.source = source;
    this.sources.changed(next.status, next.since, source);
  }
}
