#!/usr/bin/env node
// The command line runs the compiled engine from dist/ (built by `npm ci` through the `prepare` script).
require('../dist/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 2; }
);
