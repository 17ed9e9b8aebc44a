/**
 * The command line: `grove [-L NAME] [COMMAND] [ARGS]`. With no command it attaches the UI.
 *
 * Arguments are checked against the command's row in the table before it runs, so every command has
 * `--help`, and every mistake is one line on stderr (`grove: …`) with exit status 2; a failure while
 * running is one line with exit status 1.
 */
import { parseArgs } from 'node:util';
import { connectToServer } from './connect.js';
import { runOnHost } from './remote-command.js';
import { UsageError, type CliCommand, type CliContext, type ParsedArgs } from './command.js';
import { exitWith } from './exit.js';
import { CLI_COMMANDS, findCliCommand, UI_COMMANDS } from './command-table.js';
import { terminalText } from '../core/text/terminal-text.js';
import { groveVersion } from '../io/host-facts.js';
import { socketLocation } from '../io/socket-path.js';


function commandRows(commands: readonly CliCommand[], width = Math.max(...commands.map((c) => c.name.length))): string[] {
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
}

/** `grove server --help`: the commands of a group, for a word that only starts command names. */
function groupHelp(group: string): string | undefined {
  const members = CLI_COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  if (!members.length) return undefined;
  return [`usage: grove ${group} SUBCOMMAND [ARGS] (grove ${group} SUBCOMMAND --help for one)`, '', 'subcommands:', ...commandRows(members)].join('\n');
}

function overallHelp(): string {
  const width = Math.max(...[...CLI_COMMANDS, ...UI_COMMANDS].map((c) => c.name.length));
  return [
    'usage: grove [-L NAME] [--host DEST] [COMMAND] [ARGS]',
    '',
    'Runs coding agents (or any program) side by side in terminal panes, in a server that',
    'keeps them running when the UI closes. With no command, grove attaches the UI.',
    '',
    'commands:',
    ...commandRows(CLI_COMMANDS, width),
    '',
    'commands the attached UI runs, as its keys do (on SESSION, else its focused one):',
    ...commandRows(UI_COMMANDS, width),
    '',
    'options:',
    '  -L NAME        use the server named NAME (a separate set of sessions)',
    '  --host DEST    run the command on another machine, by its grove, over ssh (DEST: a host of the config,',
    '                 user@host or a ~/.ssh/config alias); with no command, that machine\'s UI',
    '  -h, --help     show this help (grove COMMAND --help for a command)',
    '  -V, --version  print the version',
    '',
    'Inside the UI, press C-b ? for the key bindings.',
  ].join('\n');
}

export function main(argv: readonly string[]): Promise<void> {
  return exitWith(() => run(argv));
}

async function run(argv: readonly string[]): Promise<number> {
  let args = [...argv];
  let serverName: string | undefined;
  if (args[0] === '-L') {
    if (!args[1]) throw new UsageError('-L needs a server name');
    serverName = args[1];
    args = args.slice(2);
  }
  const host = takeHost(args);
  if (host !== undefined) {
    if (host.name === '') throw new UsageError('--host needs a destination (user@host, or a host of the config)');
    return runOnHost(host.name, [...(serverName ? ['-L', serverName] : []), ...host.rest], process.env, process.cwd());
  }
  // `grove help` is the usual word for the command line's help; the key bindings are `grove keys`.
  if (args[0] === '-h' || args[0] === '--help' || args[0] === 'help') return print(overallHelp());
  if (args[0] === '-V' || args[0] === '--version') return print(`grove ${groveVersion()}`);
  const found = args.length === 0 ? { command: CLI_COMMANDS[0]!, words: 0 } : findCliCommand(args);
  if (!found) {
    const group = groupHelp(args[0]!);
    if (group && (args[1] === '-h' || args[1] === '--help')) return print(group);
    if (group) throw new UsageError(args[1] ? `unknown subcommand '${args[0]} ${args[1]}' (grove ${args[0]} --help lists them)` : `${args[0]} needs a subcommand (grove ${args[0]} --help lists them)`);
    throw new UsageError(`unknown command '${args[0]}' (grove --help lists them)`);
  }
  const words = args.slice(found.words);
  if (words.includes('-h') || words.includes('--help')) {
    return print(`usage: ${found.command.usage}\n\n${found.command.summary}`);
  }
  const parsed = parse(found.command, words);
  const location = socketLocation(process.env, process.getuid?.() ?? 0, serverName);
  const context: CliContext = {
    location,
    cwd: process.cwd(),
    env: process.env,
    out: (text) => void process.stdout.write(terminalText(text)),
    outExact: (text) => void process.stdout.write(text),
    connect: async (start) => {
      const host = await connectToServer(location, { start, cwd: process.cwd(), env: process.env });
      if (!found.command.drawsScreen) for (const notice of host.notices) process.stderr.write(`${terminalText(`grove: ${notice}`)}\n`);
      return host;
    },
  };
  return found.command.run(parsed, context);
}

/** `--host DEST` (or `--host=DEST`) anywhere before `--`, and the arguments without it. */
function takeHost(args: readonly string[]): { name: string; rest: string[] } | undefined {
  const end = args.indexOf('--') < 0 ? args.length : args.indexOf('--');
  for (let at = 0; at < end; at++) {
    const arg = args[at]!;
    if (arg === '--host') return { name: args[at + 1] ?? '', rest: [...args.slice(0, at), ...args.slice(at + 2)] };
    if (arg.startsWith('--host=')) return { name: arg.slice('--host='.length), rest: [...args.slice(0, at), ...args.slice(at + 1)] };
  }
  return undefined;
}

function parse(command: CliCommand, words: readonly string[]): ParsedArgs {
  const dashes = words.indexOf('--');
  const own = dashes < 0 ? words : words.slice(0, dashes);
  const rest = dashes < 0 ? [] : words.slice(dashes + 1);
  if (rest.length && !command.takesRest) throw new UsageError(`${command.name} takes no command after --`);
  let parsed;
  try {
    parsed = parseArgs({ args: [...own], options: command.options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${command.name}: ${(err as Error).message.split('\n')[0]}`);
  }
  const { min, max } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min || count > max) {
    throw new UsageError(`${command.name}: wrong number of arguments (usage: ${command.usage})`);
  }
  return { values: parsed.values, positionals: parsed.positionals, rest };
}

function print(text: string): number {
  process.stdout.write(text + '\n');
  return 0;
}
