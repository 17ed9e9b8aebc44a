/**
 * The review loop, checkpoints and the paste buffer for sessions on several machines: each session's requests
 * go to the server that holds it, under its id there, so diff, merge, remove and turn commits work the
 * same on another machine's session. Prune and the paste buffer stay this machine's: the paste buffer is
 * this user's, and a paste into another machine's session is typed there as a paste (`send` without Enter).
 */
import type { CheckpointPort } from '../../core/checkpoints/checkpoint-port.js';
import type { PasteBufferPort } from '../../core/copy-mode/paste-buffer.js';
import type { ReviewPort } from '../../core/review/review-port.js';
import { RemoteCheckpoints } from '../review/remote-checkpoints.js';
import { RemoteReview } from '../review/remote-review.js';
import type { Requester } from '../remote-host.js';
import type { RemotePasteBuffer } from '../remote-paste-buffer.js';
import type { HostSet } from './host-set.js';

/** The port of the server holding `session`, and the session's id there. */
function router<P>(hosts: HostSet, local: P, remote: (link: Requester) => P): (session: string) => { port: P; id: string } {
  return (session) => {
    const found = hosts.route(session);
    return found ? { port: remote(found.link), id: found.id } : { port: local, id: session };
  };
}

export function routedReview(hosts: HostSet, local: ReviewPort): ReviewPort {
  const on = router(hosts, local, (link) => new RemoteReview(link));
  return {
    diff: (session) => { const { port, id } = on(session); return port.diff(id); },
    previewMerge: (session) => { const { port, id } = on(session); return port.previewMerge(id); },
    merge: (session, options) => { const { port, id } = on(session); return port.merge(id, options); },
    removalReport: (session) => { const { port, id } = on(session); return port.removalReport(id); },
    remove: (session, options) => { const { port, id } = on(session); return port.remove(id, options); },
    commitTurn: (session) => { const { port, id } = on(session); return port.commitTurn(id); },
    check: (session) => { const { port, id } = on(session); return port.check(id); },
    push: (session, options) => { const { port, id } = on(session); return port.push(id, options); },
    previewSync: (session) => { const { port, id } = on(session); return port.previewSync(id); },
    sync: (session, options) => { const { port, id } = on(session); return port.sync(id, options); },
    comment: (session, change) => { const { port, id } = on(session); return port.comment(id, change); },
    sendFeedback: (session) => { const { port, id } = on(session); return port.sendFeedback(id); },
    compareFile: (a, b, path) => {
      const [left, right] = [hosts.route(a), hosts.route(b)];
      if (left?.link !== right?.link) return Promise.reject(new Error('variants on two machines cannot be compared file by file'));
      return left && right ? new RemoteReview(left.link).compareFile(left.id, right.id, path) : local.compareFile(a, b, path);
    },
    pruneScan: (folder) => local.pruneScan(folder),
    prune: (folder, choices) => local.prune(folder, choices),
  };
}

export function routedCheckpoints(hosts: HostSet, local: CheckpointPort): CheckpointPort {
  const on = router(hosts, local, (link) => new RemoteCheckpoints(link));
  return {
    list: (session) => { const { port, id } = on(session); return port.list(id); },
    diff: (session, turn) => { const { port, id } = on(session); return port.diff(id, turn); },
    undo: (session, options) => { const { port, id } = on(session); return port.undo(id, options); },
    move: (session, options) => { const { port, id } = on(session); return port.move(id, options); },
  };
}

export function routedPasteBuffer(hosts: HostSet, local: RemotePasteBuffer): PasteBufferPort {
  return {
    length$: local.length$,
    set: (text) => local.set(text),
    paste: async (session) => {
      const remote = hosts.route(session);
      if (!remote) return local.paste(session);
      const text = await local.text();
      if (text !== undefined) await remote.link.request('send', { session: remote.id, text, enter: false });
    },
  };
}
