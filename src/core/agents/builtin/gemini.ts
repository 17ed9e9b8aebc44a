/**
 * Gemini CLI (`gemini`).
 *
 * Flags, from the CLI cheatsheet (geminicli.com/docs/cli/cli-reference.md) and `gemini --help`:
 * `-i, --prompt-interactive` runs a prompt and stays interactive (`-p` would exit); `--resume latest`
 * (`-r`) continues the most recent session; `--approval-mode yolo` approves every action (`--yolo` still
 * works but is deprecated and may not be combined with `--approval-mode`). There is no autopilot.
 *
 * Screen (google-gemini/gemini-cli snapshot tests: ToolConfirmationFullFrame, App, Composer,
 * LoadingIndicator): confirmations ask "Apply this change?", "Allow execution of [ls]?" or "Do you want
 * to proceed?" over "● 1. Allow once … No, suggest changes (esc)"; work shows "⠏ Thinking… (esc to
 * cancel, 5s)"; the idle composer reads "> Type your message or @path/to/file". With dynamic titles
 * (packages/cli/src/utils/windowTitle.ts) the title starts "✋  Action Required", "✦ …"/"⏲  Working…"
 * or "◇  Ready".
 *
 * First-run screens were recorded from the real CLI (scripts/record-agents.js).
 */
import type { AgentProfile } from '../profile.js';

const yolo = ['--approval-mode', 'yolo'];

export const gemini: AgentProfile = {
  name: 'gemini',
  label: 'Gemini CLI',
  command: 'gemini',
  args: [],
  modeArgs: { default: [], bypass: yolo, autopilot: yolo },
  prompt: 'argument',
  promptFlag: '--prompt-interactive',
  resumeArgs: ['--resume', 'latest'],
  conversation: { start: ['--session-id', '{id}'], resume: ['--resume', '{id}'] },
  install: 'npm install -g @google/gemini-cli',
  keys: [{ key: 'C-y', does: 'switch YOLO mode' }, { key: 'C-t', does: 'show tool descriptions' }],
  statusRules: [
    // First run (recorded from Gemini CLI 0.61.0): folder trust, the authentication choice, the API key.
    { status: 'waiting', match: 'Do you trust the files in this folder\\?|How would you like to authenticate|Enter Gemini API Key|\\(Use Enter to select\\)', lines: 20 },
    { status: 'waiting', match: '(?:Apply this change|Allow execution of[^\\n]*|Do you want to proceed)\\?', lines: 20 },
    { status: 'waiting', match: '\\d\\. No, suggest changes \\(esc\\)', lines: 12 },
    { status: 'waiting', in: 'title', match: '^✋\\s*Action Required' },
    { status: 'working', match: '\\(esc to cancel, \\d', flags: 'i', lines: 10 },
    { status: 'working', in: 'title', match: '^[✦⏲]\\s' },
    { status: 'idle', in: 'title', match: '^◇\\s+Ready' },
  ],
};
