/**
 * aider (`aider`), the pair-programming chat in the terminal.
 *
 * Flags, from the options reference (aider.chat/docs/config/options.html): `--restore-chat-history`
 * restores the previous chat; `--yes-always` says yes to every confirmation. aider has no flag for a first
 * prompt that keeps the chat open (`--message` exits after one reply), so the prompt is typed at its `>`.
 *
 * Screen (Aider-AI/aider source, aider/io.py and aider/waiting.py; transcripts in aider/website/docs):
 * a plain prompt_toolkit line prompt, `> ` (or `ask> `, `architect> `, `multi> `), under a rule of `─`;
 * questions end " (Y)es/(N)o [Yes]: " (with "/(D)on't ask again" or "/(A)ll/(S)kip all"); while the model
 * thinks a scanner "░█        Waiting for <model>" runs, and then the reply streams as plain output,
 * which only output activity can tell.
 */
import type { AgentProfile } from '../profile.js';

export const aider: AgentProfile = {
  name: 'aider',
  label: 'aider',
  command: 'aider',
  args: [],
  modeArgs: { default: [], bypass: ['--yes-always'], autopilot: ['--yes-always'] },
  prompt: 'type',
  resumeArgs: ['--restore-chat-history'],
  install: 'python -m pip install aider-install && aider-install',
  statusRules: [
    { status: 'waiting', in: 'cursor', match: '\\(Y\\)es/\\(N\\)o[^\\n]*\\[[^\\]]*\\]: ?$' },
    { status: 'working', match: '^[░█#= ]{10} Waiting for \\S', lines: 3 },
    { status: 'idle', in: 'cursor', match: '^[\\w-]*(?: multi)?> ?$' },
  ],
};
