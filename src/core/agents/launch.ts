/**
 * From a profile and a request to the exact program, arguments and environment to start.
 *
 * Arguments come in a fixed order — the command's own (or what the user typed), then resume, then the
 * approval mode's, then the prompt — because some agents resume through a subcommand (`codex resume
 * --last`) that the other flags must follow. A prompt that could be mistaken for an option is protected:
 * long flags take it as `--flag=value`, and a positional prompt starting with `-` follows `--`.
 */
import type { AgentProfile, ApprovalMode } from './profile.js';

export interface LaunchOptions {
  readonly mode: ApprovalMode;
  /** The task to start with; empty or blank means none. */
  readonly prompt?: string;
  /** Continue the agent's most recent conversation instead of starting a new one (relaunch). */
  readonly resume?: boolean;
  /** The program and arguments the user typed, replacing the profile's command and `args`. */
  readonly argv?: readonly string[];
}

/**
 * How to start the session again later: the arguments before and after the resume arguments (the prompt
 * is left out: a relaunch continues the conversation, it does not start the task again), the ones that
 * continue a conversation by id (`{id}` standing for it) or, without an id, the folder's most recent one.
 */
export interface RelaunchPlan {
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly resumeById?: readonly string[];
  readonly resumeLast: readonly string[];
}

export interface LaunchPlan {
  readonly command: string;
  readonly args: string[];
  readonly relaunch: RelaunchPlan;
  /** Arguments that give the new conversation an id grove chooses (`{id}` standing for it). */
  readonly startConversation?: readonly string[];
  /** Type this into the pane, then Enter, once the session first becomes idle. */
  readonly typePrompt?: string;
  /** Extra environment from the profile, on top of the host's own. */
  readonly env?: Readonly<Record<string, string>>;
}

export function buildLaunch(profile: AgentProfile, options: LaunchOptions): LaunchPlan {
  const [command, ...typedArgs] = options.argv?.length ? options.argv : [profile.command, ...profile.args];
  const modeArgs = profile.modeArgs[options.mode];
  const args = [...typedArgs, ...(options.resume ? profile.resumeArgs : []), ...modeArgs];
  const relaunch = relaunchPlan(profile, typedArgs, modeArgs);
  const prompt = options.prompt?.trim() ? options.prompt : undefined;
  let typePrompt: string | undefined;
  if (prompt !== undefined && profile.prompt === 'type') typePrompt = prompt;
  else if (prompt !== undefined) args.push(...promptArgs(prompt, profile.promptFlag));
  return {
    command: command!,
    args,
    relaunch,
    ...(profile.conversation?.start && !options.resume ? { startConversation: profile.conversation.start } : {}),
    ...(typePrompt !== undefined ? { typePrompt } : {}),
    ...(profile.env && Object.keys(profile.env).length ? { env: profile.env } : {}),
  };
}

function promptArgs(prompt: string, flag: string | undefined): string[] {
  if (flag === undefined) return prompt.startsWith('-') ? ['--', prompt] : [prompt];
  return flag.startsWith('--') ? [`${flag}=${prompt}`] : [flag, prompt];
}

/** How `profile` is relaunched around the arguments before and after its resume arguments. */
export function relaunchPlan(profile: AgentProfile, before: readonly string[], after: readonly string[]): RelaunchPlan {
  return { before, after, resumeLast: profile.resumeArgs, ...(profile.conversation ? { resumeById: profile.conversation.resume } : {}) };
}

/**
 * The arguments of a relaunch: by the conversation's id where it is known and the agent takes one, else
 * the folder's most recent conversation (`resumedBy` says which, for the note the pane shows).
 */
export function relaunchArgs(plan: RelaunchPlan, conversation: string | undefined): { args: string[]; resumedBy: 'id' | 'last' | 'none' } {
  if (conversation !== undefined && plan.resumeById) {
    return { args: [...plan.before, ...withId(plan.resumeById, conversation), ...plan.after], resumedBy: 'id' };
  }
  return { args: [...plan.before, ...plan.resumeLast, ...plan.after], resumedBy: plan.resumeLast.length ? 'last' : 'none' };
}

/** A template's words with `{id}` replaced. */
export function withId(template: readonly string[], id: string): string[] {
  return template.map((word) => word.split('{id}').join(id));
}

export type InstallCheck = { readonly installed: true; readonly path: string } | { readonly installed: false; readonly message: string };

/**
 * Whether the profile's command can be started. `resolveCommand` looks a command up the way execvp
 * would (src/io/launch-checks.ts has the real one), so this stays pure and testable.
 */
export function checkInstalled(
  profile: AgentProfile,
  resolveCommand: (command: string) => string | undefined,
  command: string = profile.command,
): InstallCheck {
  const path = resolveCommand(command);
  if (path !== undefined) return { installed: true, path };
  const how = profile.install && command === profile.command ? `; install ${profile.label} with: ${profile.install}` : '';
  return { installed: false, message: `${command} is not installed (not found on PATH)${how}` };
}
