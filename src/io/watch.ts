/**
 * Filesystem change events for a folder and everything below it (Node's recursive fs.watch, inotify on
 * Linux). Events carry no detail grove relies on: they only say "look again", which is all a debounced
 * recount needs. A folder that cannot be watched (gone, or out of inotify watches) reports the error once
 * and is simply not watched: the summaries then update on branch moves only.
 */
import { watch } from 'node:fs';
import { toDisposable, type Disposable } from '../core/disposable.js';

export type FolderWatcher = (folder: string, changed: (path: string) => void, failed: (error: Error) => void) => Disposable;

export const watchFolder: FolderWatcher = (folder, changed, failed) => {
  try {
    const watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => changed(String(name ?? '')));
    watcher.on('error', (error) => {
      failed(error);
      watcher.close();
    });
    return toDisposable(() => watcher.close());
  } catch (error) {
    failed(error as Error);
    return toDisposable(() => undefined);
  }
};
