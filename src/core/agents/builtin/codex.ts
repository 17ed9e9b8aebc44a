/**
 * OpenAI Codex CLI (`codex`).
 *
 * Flags, from the CLI reference (developers.openai.com/codex/cli/reference) and `codex --help`: a
 * positional `codex [PROMPT]` starts the TUI with that first prompt; `codex resume --last` continues the
 * most recent session without the picker, and the resume subcommand takes the same approval flags and a
 * prompt after it; `--dangerously-bypass-approvals-and-sandbox` (`--yolo`) runs every command without
 * asking and without the sandbox. The sandbox is bypassed too on purpose: in a git worktree the
 * repository's metadata lives outside the workspace, so `--full-auto`'s workspace-write sandbox would
 * stop the agent from committing. Codex has no autopilot beyond that.
 *
 * Screen (real codex-cli 0.154.0 captures, n-orlov/deck internal/agent/testdata/probes/codex; overlay
 * labels in openai/codex#7543): approvals read "Would you like to run the following command?" or "…make
 * the following edits?" over "› 1. Yes, proceed (y) … 3. No, and tell Codex what to do differently (esc)"
 * and "Press enter to confirm or esc to cancel". A turn shows "• Working (5s • esc to interrupt)" above
 * the composer "› Ask Codex to do anything". The title carries a braille spinner while working and
 * "Action Required" when blocked (herdr's codex manifest, tuios#169).
 *
 * First-run screens were recorded from the real CLI (scripts/record-agents.js).
 */
import type { AgentProfile } from '../profile.js';

const bypass = ['--dangerously-bypass-approvals-and-sandbox'];

export const codex: AgentProfile = {
  name: 'codex',
  label: 'Codex CLI',
  command: 'codex',
  args: [],
  modeArgs: { default: [], bypass, autopilot: bypass },
  prompt: 'argument',
  resumeArgs: ['resume', '--last'],
  conversation: { resume: ['resume', '{id}'] },
  hooks: 'codex-notify',
  install: 'npm install -g @openai/codex',
  keys: [{ key: 'C-t', does: 'show the transcript' }],
  statusRules: [
    // First run (recorded from codex-cli 0.171.0): the sign-in choice, and the folder-trust question.
    { status: 'waiting', match: 'Press enter to continue|enter continue · esc back|Trust this folder\\?', flags: 'i', lines: 8 },
    { status: 'waiting', match: 'Would you like to [^\\n]*\\?', lines: 20 },
    { status: 'waiting', match: 'Press enter to confirm or esc to cancel', flags: 'i', lines: 6 },
    { status: 'waiting', match: '\\d\\. No, and tell Codex what to do differently', lines: 12 },
    { status: 'waiting', match: 'enter to submit (?:answer|all)', flags: 'i', lines: 6 },
    { status: 'waiting', in: 'title', match: 'Action Required' },
    { status: 'working', match: 'esc to interrupt', flags: 'i', lines: 10 },
    { status: 'working', in: 'title', match: '(?:^| )[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏](?: |$)' },
    // The composer at rest (recorded 0.171.0); a turn shows "esc to interrupt" above it, caught first.
    { status: 'idle', match: '› Ask Codex to do anything', lines: 6 },
  ],
};
