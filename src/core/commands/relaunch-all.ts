import type { SessionInfo } from '../session/session.js';
import type { ClientView, Command } from './command.js';

/** The listed sessions whose server stopped (restored from the state file as records only). */
function stranded(view: ClientView): SessionInfo[] {
  return view.sessions.filter((session) => session.status === 'dead');
}

/**
 * Brings back every session whose server stopped, in one answer: each starts again in its own folder and,
 * where grove knows its conversation, resumes exactly that one (local-host.ts, relaunch). The UI offers
 * it when it starts and finds such sessions. The question is short enough for an 80-column status line;
 * each pane says which conversation it resumed.
 */
export const relaunchAll: Command = {
  name: 'relaunch-all',
  commandLine: 'relaunch',
  description: 'Relaunch every session whose server stopped',
  target: 'none',
  canRun: (view) => (stranded(view).length ? undefined : 'no session lost its server'),
  run: ({ view, actions }) => {
    const sessions = stranded(view);
    const question = sessions.length === 1
      ? `session ${sessions[0]!.name} stopped with its server: relaunch it? (y/n)`
      : `${sessions.length} sessions stopped with their server: relaunch them all? (y/n)`;
    actions.confirm(question, () => sessions.forEach((session) => actions.relaunch(session.id)));
  },
};
