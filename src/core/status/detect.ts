/**
 * The status detector: one observation in, one raw status out, with the reason it was chosen.
 *
 * Signals are weighed in a fixed order, strongest first:
 *   1. the foreground process is blocked reading the terminal → `waiting` (any program that asked a
 *      question with a plain read: `read -p`, `input()`, a password prompt);
 *   2. the profile's rules, first match wins (an approval menu, "esc to interrupt", a shell prompt);
 *   3. a job, not the program itself, holds the terminal → `working` (a shell running a command);
 *   4. the program printed within `activityMs`, and not merely echoing a keystroke → `working`;
 *   5. otherwise → `idle`.
 * The answer is raw: it may flicker between frames. status/debounce.ts turns it into what is shown.
 */
import type { ScreenObservation } from './observation.js';
import { ruleMatch, ruleMatches, type CompiledRule, type RawStatus } from './rules.js';

export interface DetectorTiming {
  /** Output this recent means the program is working. */
  readonly activityMs: number;
  /** Output this soon after a keystroke is taken as its echo (or the redraw it causes), not as work. */
  readonly echoMs: number;
}

export const DEFAULT_DETECTOR_TIMING: DetectorTiming = {
  // Agents redraw a spinner at least every few hundred ms while they work; a second of silence with no
  // other evidence is the first hint of rest (the debouncer asks for more before it says idle).
  activityMs: 1000,
  // A terminal echoes within milliseconds; Ink/ratatui apps redraw their input box within a frame or
  // three of a key. 300 ms covers both without hiding work that starts when Enter is pressed.
  echoMs: 300,
};

export type DetectionReason =
  | { readonly kind: 'reading-terminal' }
  | { readonly kind: 'rule'; readonly index: number; readonly rule: CompiledRule['rule'] }
  | { readonly kind: 'job-in-foreground' }
  | { readonly kind: 'output' }
  | { readonly kind: 'quiet' };

export interface Detection {
  readonly status: RawStatus;
  readonly reason: DetectionReason;
}

export function detectStatus(
  rules: readonly CompiledRule[],
  observation: ScreenObservation,
  timing: DetectorTiming = DEFAULT_DETECTOR_TIMING,
): Detection {
  const foreground = observation.foreground;
  if (foreground?.readingTerminal) return { status: 'waiting', reason: { kind: 'reading-terminal' } };
  for (let index = 0; index < rules.length; index++) {
    const compiled = rules[index]!;
    if (ruleMatches(compiled, observation)) return { status: compiled.rule.status, reason: { kind: 'rule', index, rule: compiled.rule } };
  }
  if (foreground && !foreground.isProgram) return { status: 'working', reason: { kind: 'job-in-foreground' } };
  if (printedRecently(observation, timing)) return { status: 'working', reason: { kind: 'output' } };
  return { status: 'idle', reason: { kind: 'quiet' } };
}

/** Where the status came from, as `grove ls --json` names it (session.ts, StatusSource). */
export function detectionSource(detection: Detection): 'rules' | 'tty' | 'activity' {
  const kind = detection.reason.kind;
  return kind === 'rule' ? 'rules' : kind === 'reading-terminal' ? 'tty' : 'activity';
}

/** The screen rows a rule matched, for `grove explain`; [] for other reasons. */
export function matchedLines(rules: readonly CompiledRule[], detection: Detection, observation: ScreenObservation): string[] {
  if (detection.reason.kind !== 'rule') return [];
  const compiled = rules[detection.reason.index];
  const match = compiled ? ruleMatch(compiled, observation) : undefined;
  return match ? match.split('\n').filter((line) => line.trim() !== '') : [];
}

/** "working, because rule 3 matched", for logs and `grove explain`. */
export function describeDetection(detection: Detection): string {
  const reason = detection.reason;
  switch (reason.kind) {
    case 'reading-terminal':
      return `${detection.status}: the foreground process is reading the terminal`;
    case 'rule':
      return `${detection.status}: rule ${reason.index + 1} matched /${reason.rule.match}/ in the ${reason.rule.in ?? 'screen'}`;
    case 'job-in-foreground':
      return `${detection.status}: a job holds the terminal`;
    case 'output':
      return `${detection.status}: the program is printing`;
    case 'quiet':
      return `${detection.status}: nothing else applies and the program is quiet`;
  }
}

function printedRecently({ now, lastOutputAt, lastInputAt }: ScreenObservation, timing: DetectorTiming): boolean {
  if (lastOutputAt === undefined || now - lastOutputAt >= timing.activityMs) return false;
  const isEcho = lastInputAt !== undefined && lastOutputAt >= lastInputAt && lastOutputAt - lastInputAt < timing.echoMs;
  return !isEcho;
}
