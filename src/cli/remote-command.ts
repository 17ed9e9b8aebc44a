/**
 * `grove --host DEST COMMAND…`: the command runs on DEST, by that machine's grove, against its server —
 * `ssh DEST GROVE COMMAND…`, with this terminal when there is one (so `merge` and `rm` can ask, and no
 * command attaches that machine's UI). DEST is a host the config names (its ssh destination, grove command
 * and folder), or anything ssh takes as a destination. What it prints was filtered by that grove already;
 * its exit status is this command's. Only ssh's own failures (255) and a missing grove there (127) get a
 * line of grove's, saying what to do.
 */
import { GROVE_KNOWLEDGE } from '../core/config/knowledge.js';
import type { HostConfig } from '../core/config/config.js';
import { commandArguments, destinationProblem, remoteCommand } from '../core/hosts/remote.js';
import { loadGroveConfig } from '../io/config-files.js';
import { runSsh } from '../io/ssh.js';
import { UsageError } from './command.js';

/** The host `name` means: a configured one, else a plain ssh destination running `grove` in the home folder. */
export async function hostNamed(name: string, env: NodeJS.ProcessEnv, cwd: string): Promise<HostConfig & { readonly label: string }> {
  const loaded = await loadGroveConfig({ env, cwd }, GROVE_KNOWLEDGE);
  const configured = loaded.ok ? loaded.value.config.hosts[name] : undefined;
  if (configured) return { ...configured, label: name };
  const problem = destinationProblem(name);
  if (problem) throw new UsageError(`--host: ${problem}`);
  return { ssh: name, grove: 'grove', label: name };
}

export async function runOnHost(name: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const host = await hostNamed(name, env, cwd);
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const code = await runSsh(commandArguments(host.ssh, remoteCommand(host.grove, args, host.cwd), terminal), env);
  if (code === 255) process.stderr.write(`grove: could not reach ${host.label} with ssh (${host.ssh}); \`ssh ${host.ssh}\` says why\n`);
  if (code === 127) process.stderr.write(`grove: ${host.label} has no \`${host.grove}\`: install grove there, or set hosts.${host.label}.grove to the command that runs it\n`);
  return code;
}
