#!/usr/bin/env node
// The grove command: its bundle (dist/bundle, made by scripts/bundle.js), compiled through V8's code
// cache (src/io/code-cache.ts says why). CommonJS (bin/package.json), so that starting grove does not
// also start Node's ES module loader.
'use strict';
const { join } = require('node:path');

const root = join(__dirname, '..');
if (process.env.GROVE_CODE_CACHE !== 'off') {
  const { codeCacheFolder, codeCacheUse, enableCodeCache } = require('../dist/bundle/code-cache.cjs');
  const use = codeCacheUse(process.argv.slice(2));
  enableCodeCache(root, codeCacheFolder(process.env, use), use);
}
require('../dist/bundle/grove.cjs').main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`grove: ${err && err.message ? err.message : err}\n`);
  process.exit(1);
});
