/**
 * The agents grove knows out of the box, and how a command line finds its profile.
 *
 * Each profile lives in its own file under builtin/, with the sources its flags and screen rules were
 * taken from. A command the user types is matched by its program's base name (`/usr/bin/claude`,
 * `claude --model opus`); anything unknown runs under the generic `shell` profile.
 */
import { aider } from './builtin/aider.js';
import { claude } from './builtin/claude.js';
import { codex } from './builtin/codex.js';
import { copilot } from './builtin/copilot.js';
import { gemini } from './builtin/gemini.js';
import { opencode } from './builtin/opencode.js';
import { shell } from './builtin/shell.js';
import { programName, type AgentProfile } from './profile.js';

export const BUILTIN_PROFILES: readonly AgentProfile[] = [copilot, claude, codex, gemini, aider, opencode, shell];

export const SHELL_PROFILE = shell;

export function findProfile(name: string, profiles: readonly AgentProfile[] = BUILTIN_PROFILES): AgentProfile | undefined {
  return profiles.find((profile) => profile.name === name);
}

/** The profile whose command is `command`'s program (compared by base name), or the shell profile. */
export function profileForCommand(command: string, profiles: readonly AgentProfile[] = BUILTIN_PROFILES): AgentProfile {
  const program = programName(command);
  const match = profiles.find((profile) => profile.name !== shell.name && programName(profile.command) === program);
  return match ?? findProfile(shell.name, profiles) ?? shell;
}
