# grove's native pieces: native/cloexec.c, memory.c and heap.cc (each says why), loaded by src/io/native.ts.
# Built by `npm install` (node-gyp).
{
  'targets': [
    {
      'target_name': 'grove_native',
      'sources': ['native/cloexec.c', 'native/memory.c', 'native/heap.cc'],
    },
  ],
}
