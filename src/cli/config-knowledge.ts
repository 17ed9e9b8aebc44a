/**
 * What this build of grove has, for the checks a config schema cannot make: its commands, its default
 * keys and its built-in agents.
 */
import { BUILTIN_PROFILES } from '../core/agents/builtins.js';
import { COMMANDS } from '../core/commands/registry.js';
import { DEFAULT_BINDINGS } from '../core/keymap/bindings.js';
import type { ConfigKnowledge } from '../io/config-files.js';

export const GROVE_KNOWLEDGE: ConfigKnowledge = {
  commands: COMMANDS,
  bindings: DEFAULT_BINDINGS,
  builtinAgents: BUILTIN_PROFILES.map((profile) => profile.name),
};
