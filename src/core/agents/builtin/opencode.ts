/**
 * opencode (`opencode`), the TUI coding agent from anomalyco (formerly sst).
 *
 * Flags, from the CLI docs (opencode.ai/docs/cli): `--prompt` gives the TUI its first prompt, `--continue`
 * (`-c`) continues the last session; from the permissions docs (opencode.ai/docs/permissions), `--auto`
 * approves every request a rule does not explicitly deny. There is no autopilot.
 *
 * Screen (anomalyco/opencode packages/opencode/src/cli/cmd/tui: routes/session/permission.tsx and
 * component/prompt/index.tsx): a permission request draws "△ Permission required" over the action and the
 * choices "Allow once  Allow always  Reject" with "⇆ select  enter confirm"; while the agent works the
 * prompt's status row shows "esc interrupt" ("esc again to interrupt" after one press); at rest it shows
 * "tab agents  ctrl+p commands".
 */
import type { AgentProfile } from '../profile.js';

export const opencode: AgentProfile = {
  name: 'opencode',
  label: 'opencode',
  command: 'opencode',
  args: [],
  modeArgs: { default: [], bypass: ['--auto'], autopilot: ['--auto'] },
  prompt: 'argument',
  promptFlag: '--prompt',
  resumeArgs: ['--continue'],
  install: 'npm install -g opencode-ai',
  keys: [{ key: 'C-x', does: 'start its commands (its leader key)' }, { key: 'C-p', does: 'open the command list' }],
  statusRules: [
    { status: 'waiting', match: '△ Permission required|Allow once\\s+Allow always\\s+Reject', lines: 20 },
    { status: 'working', match: 'esc (?:again to )?interrupt', flags: 'i', lines: 6 },
    // The prompt's footer at rest (recorded 1.18.33); a turn shows "esc interrupt" there instead.
    { status: 'idle', match: 'tab agents\\s+ctrl\\+p commands', lines: 3 },
  ],
};
