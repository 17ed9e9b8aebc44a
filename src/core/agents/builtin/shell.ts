/**
 * Any other program, and shells in particular: rules that need no knowledge of the program.
 *
 * grove runs the command the user typed (LaunchOptions.argv); the profile's own command, `sh`, is only the
 * fallback. A line that ends in a question at the cursor — `?`, `:`, `[y/N]`, `(yes/no)` — is waiting; a
 * prompt ending in `$`, `#`, `%`, `>` or `❯` at the cursor is idle, but only while the shell itself holds
 * the terminal (a job printing `$ ` is not a prompt). Everything else falls to the generic signals
 * (status/detect.ts): a blocking read of the terminal is waiting, a foreground job or fresh output is
 * working, silence is idle. A typed prompt is typed as a command line.
 */
import type { AgentProfile } from '../profile.js';

export const shell: AgentProfile = {
  name: 'shell',
  label: 'Shell',
  command: 'sh',
  args: [],
  modeArgs: { default: [], bypass: [], autopilot: [] },
  prompt: 'type',
  resumeArgs: [],
  statusRules: [
    { status: 'waiting', in: 'cursor', match: '(?:\\?|:|\\[[yYnN]/[yYnN]\\]|\\((?:yes/no|y/n)[^)]*\\))\\s*$' },
    { status: 'idle', in: 'cursor', match: '[$#%>❯]\\s*$', foreground: 'program' },
  ],
};
