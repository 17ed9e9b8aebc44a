/*
 * releaseFreeMemory(): hands the pages malloc holds free back to the system (glibc's malloc_trim).
 *
 * An emulator keeps every row of its scrollback as a full-width array, allocated with malloc; once old rows
 * move to the compact history (core/screen/history.ts) and are collected, glibc keeps their memory for later
 * allocations, returning only what is free at the very top of each heap, which a row allocated since
 * usually pins. malloc_trim returns every whole free page wherever it is. Elsewhere (musl, macOS) it does
 * nothing: their allocators return memory their own way.
 */
#include <node_api.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

napi_value release_free_memory(napi_env env, napi_callback_info info) {
  (void)info;
  int released = 0;
#ifdef __GLIBC__
  released = malloc_trim(0);
#endif
  napi_value result;
  napi_get_boolean(env, released != 0, &result);
  return result;
}

/* limitArenas(count): mallopt(M_ARENA_MAX), see limitMallocArenas in src/io/native.ts. */
napi_value limit_arenas(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t count = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_get_value_int32(env, argv[0], &count) != napi_ok || count < 1) {
    napi_throw_range_error(env, NULL, "limitArenas takes a count of at least 1");
    return NULL;
  }
  int done = 0;
#ifdef __GLIBC__
  done = mallopt(M_ARENA_MAX, count);
#endif
  napi_value result;
  napi_get_boolean(env, done != 0, &result);
  return result;
}
