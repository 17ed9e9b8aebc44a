import { focusedSession, type ClientView, type Command } from './command.js';

/** The session `step` places after the focused one, wrapping around. */
function stepSession(view: ClientView, step: number): string | undefined {
  const { sessions } = view;
  if (sessions.length === 0) return undefined;
  const current = sessions.findIndex((s) => s.id === focusedSession(view)?.id);
  const from = current < 0 ? 0 : current;
  return sessions[(from + step + sessions.length) % sessions.length]!.id;
}

const needsTwo = (view: ClientView) => (view.sessions.length < 2 ? 'only one session' : undefined);

export const nextSession: Command = {
  name: 'next-session',
  description: 'Focus the next session',
  target: 'none',
  canRun: needsTwo,
  run: ({ view, actions }) => {
    const id = stepSession(view, 1);
    if (id) actions.focus(id);
  },
};

export const previousSession: Command = {
  name: 'previous-session',
  description: 'Focus the previous session',
  target: 'none',
  canRun: needsTwo,
  run: ({ view, actions }) => {
    const id = stepSession(view, -1);
    if (id) actions.focus(id);
  },
};
