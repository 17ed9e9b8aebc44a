/**
 * `grove ls`: the sessions as the UI started here lists them — this repository's, numbered as the sidebar
 * numbers them and as every command takes them. `--all` adds every other repository's, each under a line
 * naming its repository; those have no number here ("-"): name them by name or id. `--json` prints every
 * session of the server, whatever the folder.
 */
import { commandLine, exitNote, statusLabel, turnCommitNote } from '../../core/session/display.js';
import { handBackNote } from '../../core/review/hand-back.js';
import type { SessionInfo } from '../../core/session/session.js';
import { listedSessions } from '../../core/session/targets.js';
import { repositoryOf } from '../../io/repository.js';
import type { CliCommand } from '../command.js';
import { listSessions, withHost } from '../targets.js';

export const lsCommand: CliCommand = {
  name: 'ls',
  usage: 'grove ls [--all] [--json]',
  summary: "List this repository's sessions (--all: every repository's): index, name, status, isolation, folder, command",
  options: { json: { type: 'boolean' }, all: { type: 'boolean', short: 'a' } },
  positionals: { min: 0, max: 0 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const sessions = await listSessions(host);
      if (args.values.json) {
        context.out(JSON.stringify(sessions, null, 2) + '\n');
        return 0;
      }
      const repo = repositoryOf(context.cwd);
      const here = listedSessions(sessions, repo);
      const line = (s: SessionInfo, index: string) =>
        context.out(`${index}\t${s.name}\t${[statusLabel(s), exitNote(s), turnCommitNote(s), handBackNote(s.handedBack)].filter(Boolean).join(', ')}\t${s.isolation}\t${s.cwd}\t${commandLine(s)}\n`);
      if (args.values.all !== true) {
        here.forEach((s, index) => line(s, String(index)));
        const elsewhere = sessions.length - here.length;
        if (elsewhere > 0) context.out(`(${elsewhere} more in other repositories: grove ls --all)\n`);
        return 0;
      }
      let group: string | undefined;
      for (const s of listedSessions(sessions, undefined)) {
        if (s.repo !== group) context.out(`${(group = s.repo)}:\n`);
        const index = here.indexOf(s);
        line(s, index >= 0 ? String(index) : '-');
      }
      return 0;
    }),
};
