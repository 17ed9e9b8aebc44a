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
