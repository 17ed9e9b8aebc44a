# grove's native pieces: native/cloexec.c and native/memory.c (each says why), loaded by src/io/native.ts.
# Built by `npm install` (node-gyp).
{
  'targets': [
    {
      'target_name': 'grove_native',
      'sources': ['native/cloexec.c', 'native/memory.c'],
    },
  ],
}
