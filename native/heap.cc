/*
 * reduceHeap(): asks V8 for the collection it makes when it would rather use less memory than time
 * (MemoryPressureNotification, moderate): incremental marking in small steps, then a compacting collection
 * that also shrinks the young generation back to its smallest.
 *
 * The server runs with --no-memory-reducer (io/server-launch.ts says why), so V8 never makes that
 * collection by itself: a young generation grown to 8 MB by start-up stayed 8 MB for the server's life.
 * Node has no JavaScript for it (gc() from --expose-gc makes an ordinary, blocking collection that shrinks
 * nothing), hence C++ and V8's own API; the addon is built against the Node that installs grove.
 */
#include <node_api.h>
#include <v8.h>

extern "C" napi_value reduce_heap(napi_env env, napi_callback_info info) {
  (void)info;
  v8::Isolate::GetCurrent()->MemoryPressureNotification(v8::MemoryPressureLevel::kModerate);
  napi_value result;
  napi_get_undefined(env, &result);
  return result;
}

/*
 * setBackground(on): tells V8 the isolate is in the background, or back in the foreground. Its collections
 * then size their compaction for memory rather than time: pages at least 20% empty, 6 MB of objects moved,
 * where a foreground one sizes it by the compaction speed it last measured, which on a loaded machine
 * came to no page at all. Set around one gc() only (io/native.ts's compaction steps), then cleared.
 */
extern "C" napi_value set_background(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg;
  bool on = false;
  napi_get_cb_info(env, info, &argc, &arg, NULL, NULL);
  if (argc < 1 || napi_get_value_bool(env, arg, &on) != napi_ok) {
    napi_throw_type_error(env, NULL, "setBackground(on: boolean)");
    return NULL;
  }
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  if (on) {
    isolate->IsolateInBackgroundNotification();
  } else {
    isolate->IsolateInForegroundNotification();
  }
  return NULL;
}
