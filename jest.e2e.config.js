/**
 * End-to-end tests: the production bundle (dist/web) in Debian's Chromium via playwright-core.
 * `npm run test:e2e` builds the bundle first. Screenshots go to test-artifacts/ (git-ignored).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 120_000,
};
