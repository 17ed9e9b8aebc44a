/**
 * Claude Code (`claude`), Anthropic's terminal agent.
 *
 * Flags, from the CLI reference (https://code.claude.com/docs/en/cli-reference) and `claude --help`:
 * a positional `claude "query"` starts an interactive session with that first prompt; `--continue` (`-c`)
 * resumes the most recent conversation in this folder; `--dangerously-skip-permissions` is the same as
 * `--permission-mode bypassPermissions` (it refuses to run as root outside a sandbox). Claude Code has no
 * separate autopilot: once it stops asking, it already works until the task is done.
 *
 * Screen: an Ink TUI drawn inline (no alternate screen). Approval menus read "Do you want to proceed?" /
 * "Do you want to make this edit to …?" over a numbered list ending "No, and tell Claude what to do
 * differently (esc)" (quoted in anthropics/claude-code#1499, atxtechbro/dotfiles#1294). While a turn runs,
 * a spinner line sits at column 0 — "✳ Creating… (esc to interrupt)" (claude-code#10465), newer versions
 * "✽ Cascading… (4m 58s · ↓ 20.4k tokens)" with "esc to interrupt" moved to the mode line (herdr#673).
 * The window title starts with a braille spinner (≤ 2.1.227) or ◐/◑ (2.1.228+) while busy and "✳" when
 * idle (claude-code#88360) — but stays "✳" under multiplexers since 2.1.236 (#88542), so the title only
 * ever proves work, never rest. Idle is what is left: the prompt box with "? for shortcuts".
 *
 * First-run screens and whole turns were recorded from the real CLI (scripts/record-agents.js).
 */
import type { AgentProfile } from '../profile.js';

export const claude: AgentProfile = {
  name: 'claude',
  label: 'Claude Code',
  command: 'claude',
  args: [],
  modeArgs: {
    default: [],
    bypass: ['--dangerously-skip-permissions'],
    autopilot: ['--dangerously-skip-permissions'],
  },
  prompt: 'argument',
  resumeArgs: ['--continue'],
  conversation: { start: ['--session-id', '{id}'], resume: ['--resume', '{id}'], store: 'claude-projects' },
  hooks: 'claude-settings',
  refusedAsRoot: { program: 'claude', modes: ['bypass', 'autopilot'], unless: 'IS_SANDBOX' },
  install: 'npm install -g @anthropic-ai/claude-code',
  keys: [{ key: 'C-b', does: 'run a task in the background' }, { key: 'C-o', does: 'show the transcript' }, { key: 'C-r', does: 'search history' }, { key: 'C-t', does: 'show the task list' }],
  statusRules: [
    // First run and notices (recorded from Claude Code 2.1.197 where reachable offline): folder trust and
    // the API-key question end in "Enter to confirm"; the theme picker and security notes ask for Enter.
    { status: 'waiting', match: 'Press Enter to continue|Choose the text style|Do you want to use this API key\\?', flags: 'i', lines: 20 },
    { status: 'waiting', match: '\\d\\. No, and tell Claude what to do differently', lines: 12 },
    { status: 'waiting', match: '(?:Do you want to (?:proceed|make this edit|create|allow)|Would you like to proceed)[^\\n]*\\?', lines: 20 },
    { status: 'waiting', match: 'Enter to (?:select|confirm)[^\\n]*Esc to cancel', flags: 'i', lines: 4 },
    { status: 'working', match: 'esc to interrupt', flags: 'i', lines: 8 },
    { status: 'working', match: '^[*·✢✳✶✻✽] \\S[^\\n]*…(?: \\(|$)', lines: 8 },
    { status: 'working', in: 'title', match: '^[\\u2800-\\u28FF\\u25D0-\\u25D3] ' },
    // Its input box at rest (recorded 2.1.197): below the box, only while no turn runs.
    { status: 'idle', match: '^\\s*\\? for shortcuts', lines: 3 },
  ],
};
