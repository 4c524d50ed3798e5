#!/usr/bin/env node
// The `berth` command (`npx berth ps`, `npx berth prune [--dry-run] [--all-sessions]`).
// Runs the compiled CLI from dist/ in an installed package; inside the berth repository (sources
// present and tsx installed) it runs src/cli/main.ts through tsx, so a stale dist/ never answers.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function load() {
  const source = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
  if (fs.existsSync(source)) {
    try {
      require(require.resolve('tsx/cjs', { paths: [path.join(__dirname, '..')] }));
      return require(source);
    } catch (error) {
      if (error && error.code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  return require(path.join(__dirname, '..', 'dist', 'cli', 'main.js'));
}

load()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`berth: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
