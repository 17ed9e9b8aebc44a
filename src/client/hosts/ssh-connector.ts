/**
 * How the UI reaches another machine's server: `ssh DEST GROVE proxy`, then the protocol's handshake over
 * ssh's standard input and output. No environment goes with the hello: sessions there start with the
 * environment of that machine's server, not this one's PATH and keys. A failure is one line: the
 * handshake's own reason (another version: both named), else ssh's last words.
 */
import type { HostConfig } from '../../core/config/config.js';
import { linkArguments, remoteCommand } from '../../core/hosts/remote.js';
import { openSshLink } from '../../io/ssh.js';
import { RemoteHost } from '../remote-host.js';
import type { Connector } from './host-link.js';

/** How long ssh's last words take to arrive after the stream closed. */
const LAST_WORDS_MS = 200;

export function sshConnector(name: string, host: HostConfig, env: NodeJS.ProcessEnv, grove: string): Connector {
  return async (start) => {
    const link = openSshLink(linkArguments(host.ssh, remoteCommand(host.grove, start ? ['proxy'] : ['proxy', '--join'])), env);
    const close = () => void link.process.kill();
    try {
      const remote = await RemoteHost.handshake(link.stream, { cwd: host.cwd ?? '~', grove, where: name });
      return { host: remote, close, lastError: link.lastError };
    } catch (err) {
      await Promise.race([link.exited, new Promise((resolve) => setTimeout(resolve, LAST_WORDS_MS))]);
      close();
      const message = (err as Error).message;
      const streamEnded = /^(the grove server closed the connection|lost the grove server)/u.test(message);
      throw new Error(streamEnded ? link.lastError() ?? `ssh ${host.ssh} ended` : message);
    }
  };
}
