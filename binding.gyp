# grove's one native piece: native/cloexec.c (it says why). Built by `npm install` (node-gyp).
{
  'targets': [
    {
      'target_name': 'grove_native',
      'sources': ['native/cloexec.c'],
    },
  ],
}
