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

export interface LaunchPlan {
  readonly command: string;
  readonly args: string[];
  /** Type this into the pane, then Enter, once the session first becomes idle. */
  readonly typePrompt?: string;
  /** Extra environment from the profile, on top of the host's own. */
  readonly env?: Readonly<Record<string, string>>;
}

export function buildLaunch(profile: AgentProfile, options: LaunchOptions): LaunchPlan {
  const [command, ...typedArgs] = options.argv?.length ? options.argv : [profile.command, ...profile.args];
  const args = [...typedArgs, ...(options.resume ? profile.resumeArgs : []), ...profile.modeArgs[options.mode]];
  const prompt = options.prompt?.trim() ? options.prompt : undefined;
  let typePrompt: string | undefined;
  if (prompt !== undefined && profile.prompt === 'type') typePrompt = prompt;
  else if (prompt !== undefined) args.push(...promptArgs(prompt, profile.promptFlag));
  return {
    command: command!,
    args,
    ...(typePrompt !== undefined ? { typePrompt } : {}),
    ...(profile.env && Object.keys(profile.env).length ? { env: profile.env } : {}),
  };
}

function promptArgs(prompt: string, flag: string | undefined): string[] {
  if (flag === undefined) return prompt.startsWith('-') ? ['--', prompt] : [prompt];
  return flag.startsWith('--') ? [`${flag}=${prompt}`] : [flag, prompt];
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
