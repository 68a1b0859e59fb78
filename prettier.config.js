/*
 * Prettier, set to the style the code was written in: single quotes, semicolons, trailing commas, and
 * long lines (200 columns: the fewest files differ from what is there). `npm run lint` checks the files
 * listed in package.json's "lint:format" script; the rest of the tree is formatted file by file as it is
 * next edited (docs/excel-host.md, "Tooling").
 */
'use strict';

module.exports = {
  printWidth: 200,
  singleQuote: true,
  trailingComma: 'all',
  arrowParens: 'always',
  endOfLine: 'lf',
};
