/*
 * setCloseOnExec(fd): marks a descriptor close-on-exec (FD_CLOEXEC), which Node has no call for.
 *
 * node-pty's forkpty() leaves every pty master it opens inheritable, so each later program the server
 * starts (another session's agent, git, a hook git runs) would hold every earlier session's terminal and
 * could type into it (src/io/cloexec.ts). The server marks each master the moment node-pty returns it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <node_api.h>

static napi_value set_close_on_exec(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t fd = -1;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0) {
    napi_throw_type_error(env, NULL, "setCloseOnExec(fd): fd must be a descriptor number");
    return NULL;
  }
  int flags = fcntl(fd, F_GETFD);
  if (flags == -1 || fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == -1) {
    napi_throw_error(env, NULL, strerror(errno));
    return NULL;
  }
  return NULL;
}

napi_value release_free_memory(napi_env env, napi_callback_info info); /* memory.c */
napi_value reduce_heap(napi_env env, napi_callback_info info); /* heap.cc */
napi_value limit_arenas(napi_env env, napi_callback_info info); /* memory.c */
napi_value set_background(napi_env env, napi_callback_info info); /* heap.cc */

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "setCloseOnExec", NAPI_AUTO_LENGTH, set_close_on_exec, NULL, &fn);
  napi_set_named_property(env, exports, "setCloseOnExec", fn);
  napi_create_function(env, "releaseFreeMemory", NAPI_AUTO_LENGTH, release_free_memory, NULL, &fn);
  napi_set_named_property(env, exports, "releaseFreeMemory", fn);
  napi_create_function(env, "reduceHeap", NAPI_AUTO_LENGTH, reduce_heap, NULL, &fn);
  napi_set_named_property(env, exports, "reduceHeap", fn);
  napi_create_function(env, "limitArenas", NAPI_AUTO_LENGTH, limit_arenas, NULL, &fn);
  napi_set_named_property(env, exports, "limitArenas", fn);
  napi_create_function(env, "setBackground", NAPI_AUTO_LENGTH, set_background, NULL, &fn);
  napi_set_named_property(env, exports, "setBackground", fn);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
