// Interop tests: the written workbooks opened by LibreOffice (a spreadsheet program nobody here
// wrote). Needs `soffice` on PATH (Debian: apt-get install -y libreoffice-calc). `npm run test:interop`.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/interop'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 300_000,
};
