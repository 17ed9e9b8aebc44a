/**
 * Close-on-exec for descriptors Node did not open itself.
 *
 * Everything libuv opens (files, sockets, inotify, the held pty slaves) is already O_CLOEXEC. node-pty's
 * forkpty() is the exception: the pty master it returns is inheritable, so every later program the server
 * starts (the next session's agent, git, a hook git runs) would hold every earlier session's terminal and
 * could type into it; and after the server dies those copies keep the terminals open, so programs never
 * get their hang-up. Node has no fcntl, so grove ships one function of C for it (native/cloexec.c, io/native.ts).
 */
import { nativeAddon } from './native.js';

/** Marks `fd` close-on-exec; throws (with the OS's reason) if it cannot, so a leak is never silent. */
export function setCloseOnExec(fd: number): void {
  nativeAddon().setCloseOnExec(fd);
}
