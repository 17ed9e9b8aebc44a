/**
 * node:fs behind the CheckpointFiles port: the one thing checkpoints delete is a session's private index
 * file (grove's own, in the checkout's git folder), once the session has ended; and the sizes of new
 * files, since one too big for a snapshot is left out of it.
 */
import { lstat, rm } from 'node:fs/promises';
import type { CheckpointFiles } from '../server/worktrees/ports.js';
import { nodeWorktreeFiles } from './git-files.js';

export const nodeCheckpointFiles: CheckpointFiles = {
  exists: (path) => nodeWorktreeFiles.exists(path),
  async removeFile(path) {
    // Not recursive: a folder at that name is not grove's index, and stays.
    await rm(path, { force: true });
  },
  async size(path) {
    try {
      return (await lstat(path)).size;
    } catch {
      return undefined;
    }
  },
};
