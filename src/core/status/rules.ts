/**
 * Status rules: the data that teaches grove what a program's screen looks like when it works, waits or
 * rests.
 *
 * A rule is a regular expression, a place to test it, and the status it means. Rules are plain data so a
 * user's config file can add them to an agent's profile in exactly the form the built-in profiles use;
 * the first rule that matches wins, so rules a user adds in front override the built-in ones. Expressions
 * are compiled once, with the `u` flag (the config schema validates them the same way).
 */
import type { ScreenObservation } from './observation.js';

/** What the detector can conclude from one observation; `starting`, `exited` and `dead` come from the lifecycle. */
export type RawStatus = 'working' | 'waiting' | 'idle';

/**
 * Where a rule looks:
 * - `screen`: the last `lines` non-blank rows (all rows without `lines`), joined with newlines;
 * - `lastLine`: the last non-blank row;
 * - `cursor`: the cursor's row up to the cursor (a shell prompt, a `[Y/n]` question);
 * - `title`: the window title the program set.
 */
export type RuleRegion = 'screen' | 'lastLine' | 'cursor' | 'title';

export interface StatusRule {
  /** The status the session has while `match` matches. */
  readonly status: RawStatus;
  /** A regular expression in JavaScript syntax. */
  readonly match: string;
  /** Extra flags, e.g. `i`; `u` is always on, `m` is on for `screen`. */
  readonly flags?: string;
  /** Default `screen`. */
  readonly in?: RuleRegion;
  /** For `screen`: how many non-blank rows, counted from the bottom, the rule reads. */
  readonly lines?: number;
  /**
   * Only while the terminal's foreground group is the program itself (`program`) or a job it started
   * (`job`). Where the OS cannot tell, the condition holds, so the rule still works on the text alone.
   */
  readonly foreground?: 'program' | 'job';
}

export interface CompiledRule {
  readonly rule: StatusRule;
  readonly regex: RegExp;
}

/** Why a rule cannot be used, or undefined when it can. */
export function statusRuleProblem(rule: StatusRule): string | undefined {
  if (/[gy]/.test(rule.flags ?? '')) return 'flags g and y are not allowed: a rule is tested, not iterated';
  if (rule.lines !== undefined && !(Number.isInteger(rule.lines) && rule.lines > 0)) return 'lines must be a whole number above 0';
  if (rule.lines !== undefined && (rule.in ?? 'screen') !== 'screen') return 'lines only applies to rules in the screen';
  try {
    compileRegex(rule);
  } catch (err) {
    return `not a valid regular expression: ${(err as Error).message}`;
  }
  return undefined;
}

/** Compiles rules in order; throws on the first unusable one, naming it. */
export function compileStatusRules(rules: readonly StatusRule[]): readonly CompiledRule[] {
  return rules.map((rule, index) => {
    const problem = statusRuleProblem(rule);
    if (problem) throw new Error(`status rule ${index + 1} (${JSON.stringify(rule.match)}): ${problem}`);
    return { rule, regex: compileRegex(rule) };
  });
}

/** Tests one compiled rule against an observation, foreground condition included. */
export function ruleMatches({ rule, regex }: CompiledRule, observation: ScreenObservation): boolean {
  const foreground = observation.foreground;
  if (rule.foreground && foreground && foreground.isProgram !== (rule.foreground === 'program')) return false;
  return regex.test(regionText(rule, observation));
}

/** The text a rule matched in an observation (with whole rows around it), or undefined. */
export function ruleMatch({ rule, regex }: CompiledRule, observation: ScreenObservation): string | undefined {
  const text = regionText(rule, observation);
  const found = regex.exec(text);
  if (!found) return undefined;
  const start = text.lastIndexOf('\n', found.index) + 1;
  const end = text.indexOf('\n', found.index + found[0].length);
  return text.slice(start, end === -1 ? undefined : end);
}

function compileRegex(rule: StatusRule): RegExp {
  const flags = new Set(`u${rule.flags ?? ''}`);
  if ((rule.in ?? 'screen') === 'screen') flags.add('m');
  return new RegExp(rule.match, [...flags].join(''));
}

function regionText(rule: StatusRule, observation: ScreenObservation): string {
  switch (rule.in ?? 'screen') {
    case 'title':
      return observation.title;
    case 'cursor':
      return observation.cursorText;
    case 'lastLine':
      return lastNonBlank(observation.lines, 1).join('\n');
    case 'screen':
      return lastNonBlank(observation.lines, rule.lines ?? observation.lines.length).join('\n');
  }
}

/** The last `count` rows that are not blank, in screen order. */
function lastNonBlank(lines: readonly string[], count: number): string[] {
  const picked: string[] = [];
  for (let i = lines.length - 1; i >= 0 && picked.length < count; i--) {
    if (lines[i]!.trim() !== '') picked.push(lines[i]!);
  }
  return picked.reverse();
}
