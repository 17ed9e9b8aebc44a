#!/usr/bin/env node
import('../dist/bundle/grove.js').then((m) => m.main(process.argv.slice(2))).catch((err) => {
  process.stderr.write(`grove: ${err && err.message ? err.message : err}\n`);
  process.exit(1);
});
