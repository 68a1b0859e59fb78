/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // e2e tests drive Chromium; they run in their own project, see package.json "test:e2e".
  // interop tests drive LibreOffice: `npm run test:interop` (jest.interop.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/interop/'],
  // dt-sql-parser (the Spark SQL parser of test/sql/golden.test.ts) and its antlr4-c3 ship ES modules only: compiled like our sources.
  transformIgnorePatterns: ['/node_modules/(?!(dt-sql-parser|antlr4-c3)/)'],
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
