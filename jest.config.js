/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // e2e tests drive Chromium; they run in their own project, see package.json "test:e2e".
  // interop tests drive LibreOffice: `npm run test:interop` (jest.interop.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/interop/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
