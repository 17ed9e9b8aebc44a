/**
 * The two tools again, with their sessions on "another machine" reached through a real sshd on loopback
 * (sshd.js): tmux as people use it there, `ssh -t box tmux attach`; grove as it is meant to be used, its UI
 * here and the sessions in the other machine's server, through its own ssh link (`grove proxy`). Both
 * servers run on this machine, so the figures measure the transport and the clients, not a network.
 *
 * grove's UI also lists this machine's sessions: one idle one (`sleep`) keeps it from starting a shell of
 * its own, and once the other machine's session is listed the UI is switched to it (C-b 1), so every
 * figure types into and reads the remote pane, as tmux's do.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GROVE_BIN, GroveTool } from './grove-tool.js';
import { AttachedClient } from './client.js';
import { TmuxTool, TMUX } from './tmux-tool.js';

const quote = (word) => `'${String(word).replaceAll("'", `'\\''`)}'`;

/** Classes with the local tools' names and questions, bound to one sshd. */
export function remoteTools(sshd) {
  class RemoteGrove extends GroveTool {
    constructor(workspace, options) {
      super(workspace, options);
      this.here = new GroveTool(workspace, options);
      const remoteEnv = ['GROVE_SOCKET', 'XDG_STATE_HOME'].map((name) => `${name}=${quote(this.env[name])}`).join(' ');
      const config = join(this.here.folder, 'config');
      mkdirSync(join(config, 'grove'), { recursive: true });
      writeFileSync(join(config, 'grove', 'config.json'), JSON.stringify({
        hosts: { box: { ssh: 'box', grove: `env ${remoteEnv} ${quote(process.execPath)} ${quote(GROVE_BIN)}`, cwd: this.folder } },
      }));
      Object.assign(this.here.env, { GROVE_SSH: sshd.ssh, XDG_CONFIG_HOME: config });
    }

    async start() {
      await super.start();
      await this.here.start();
      await this.here.newSession('here', ['sleep', '100000']);
      const stopThere = this.stopEarly;
      this.stopEarly = async () => {
        await this.here.stopEarly?.();
        await stopThere?.();
      };
    }

    attach(options) {
      const client = this.here.attach(options);
      void client.waitForScreen((lines) => lines.some((line) => line.startsWith('   box: ')), 15_000, 'the remote session listed')
        .then(() => client.write('\x021'), () => undefined);
      return client;
    }

    serverPids() {
      return [...super.serverPids(), ...this.here.serverPids()];
    }
  }

  class RemoteTmux extends TmuxTool {
    attach(options) {
      const command = `cd ${quote(this.folder)} && ${quote(TMUX)} -S ${quote(this.socket)} -f ${quote(this.config)} attach`;
      const client = new AttachedClient(sshd.ssh, ['-t', 'box', command], { env: this.env, cwd: this.folder, ...options });
      this.workspace.defer(() => client.close());
      return client;
    }
  }

  return [RemoteGrove, RemoteTmux];
}
