/**
 * GitHub Copilot CLI (`copilot`).
 *
 * Flags, from the command reference (docs.github.com/en/copilot/reference/copilot-cli-reference/
 * cli-command-reference) and `copilot --help`: `-i, --interactive PROMPT` starts interactive mode and runs
 * that prompt (`-p` would exit after it); `--continue` resumes the most recent session;
 * `--allow-all-tools` runs every tool without asking (path and URL checks stay; `--allow-all`/`--yolo`
 * lifts those too); `--autopilot` starts in autopilot mode, which keeps going without waiting for the user
 * after each step (docs.github.com/en/copilot/concepts/agents/copilot-cli/autopilot), and is meant to be
 * paired with `--allow-all` since permission requests are otherwise denied (github/copilot-cli#1536).
 *
 * Screen (real 1.0.93 captures, n-orlov/deck internal/agent/testdata/probes/copilot, and pasted 0.0.x
 * screens in copilot-cli#1320): permission dialogs ask "Do you want to run this command?" over
 * "❯ 1. Yes … 3. No, and tell Copilot what to do differently (Esc to stop)" and "↑/↓ to navigate · enter
 * to select · esc to cancel"; ask_user questions end "↑/↓ select · enter accept · ctrl+d decline · esc
 * cancel". Work shows as a glyph line under the input box — "◉ Working · 130 B esc interrupt", or in
 * older versions "◉ Thinking (Esc to cancel)" above it. The title is a static "GitHub Copilot".
 */
import type { AgentProfile } from '../profile.js';

export const copilot: AgentProfile = {
  name: 'copilot',
  label: 'GitHub Copilot CLI',
  command: 'copilot',
  args: [],
  modeArgs: {
    default: [],
    bypass: ['--allow-all-tools'],
    autopilot: ['--allow-all', '--autopilot'],
  },
  prompt: 'argument',
  promptFlag: '--interactive',
  resumeArgs: ['--continue'],
  conversation: { start: ['--session-id={id}'], resume: ['--resume={id}'] },
  install: 'npm install -g @github/copilot',
  statusRules: [
    // First run (recorded from 1.0.102): folder trust is caught below; signed out, it asks for /login.
    { status: 'waiting', match: 'Please use /login to sign in', lines: 8 },
    { status: 'waiting', match: 'Do you (?:want to|trust)[^\\n?]*\\?', lines: 20 },
    { status: 'waiting', match: 'enter to select · esc to cancel|enter accept · [^\\n]*esc cancel', flags: 'i', lines: 4 },
    { status: 'waiting', match: 'Confirm with [^\\n]*Enter', lines: 4 },
    { status: 'working', match: '^\\s*[◉●○◎∙] \\S[^\\n]*(?:\\(Esc to cancel|esc interrupt|esc edit prompt)', flags: 'i', lines: 6 },
  ],
};
