#!/usr/bin/env node
// The grove command: its bundle (dist/bundle, made by scripts/bundle.js), compiled through V8's code
// cache (src/io/code-cache.ts says why). CommonJS (bin/package.json), so that starting grove does not
// also start Node's ES module loader.
'use strict';
const { join } = require('node:path');

const root = join(__dirname, '..');
const args = process.argv.slice(2);
// The server process (started as `grove server run`, io/server-launch.ts) has its own entry, without the UI.
const server = args.length === 2 && args[0] === 'server' && args[1] === 'run';
// Before anything else allocates: every process but the server, whose threads want their own (io/native.ts).
if (!server) require('../dist/bundle/native.cjs').limitMallocArenas();
if (process.env.GROVE_CODE_CACHE !== 'off') {
  const { codeCacheFolder, codeCacheUse, enableCodeCache } = require('../dist/bundle/code-cache.cjs');
  const use = codeCacheUse(args);
  enableCodeCache(root, codeCacheFolder(process.env, use), use);
}
const entry = server ? 'server' : 'grove';
require(`../dist/bundle/${entry}.cjs`).main(args).catch((err) => {
  process.stderr.write(`grove: ${err && err.message ? err.message : err}\n`);
  process.exit(1);
});
