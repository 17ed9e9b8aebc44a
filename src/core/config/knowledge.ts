/**
 * What this build of grove has, for the checks a config schema cannot make: its commands, its default
 * keys and its built-in agents.
 */
import { BUILTIN_PROFILES } from '../agents/builtins.js';
import { COMMANDS } from '../commands/registry.js';
import { DEFAULT_BINDINGS, type KeyBinding } from '../keymap/bindings.js';
import type { CommandInfo } from './keymap-config.js';

export interface ConfigKnowledge {
  readonly commands: readonly CommandInfo[];
  readonly bindings: readonly KeyBinding[];
  readonly builtinAgents: readonly string[];
}

export const GROVE_KNOWLEDGE: ConfigKnowledge = {
  commands: COMMANDS,
  bindings: DEFAULT_BINDINGS,
  builtinAgents: BUILTIN_PROFILES.map((profile) => profile.name),
};
