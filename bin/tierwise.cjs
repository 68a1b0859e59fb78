#!/usr/bin/env node
// The command line runs the compiled engine from dist/ (built by `npm ci` through the `prepare` script).
// A reader that stops early (`tierwise segment ... | head`) closes the pipe: that is not an error.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
require('../dist/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 2; }
);
