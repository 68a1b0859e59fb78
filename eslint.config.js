/*
 * ESLint, the way Office add-ins are linted (`npm run lint`, part of `npm test`): typescript-eslint's
 * recommended rules, Microsoft's eslint-plugin-office-addins (load before read, sync before read, no sync
 * inside loops, null objects tested with isNullObject, no navigational loads, no Office.initialize),
 * eslint-plugin-react-hooks and eslint-plugin-jsx-a11y for the pane. Every office-addins rule is an error
 * (the plugin's own recommended set makes some warnings; here nothing is allowed to slip). Formatting is
 * Prettier's (prettier.config.js), not ESLint's. A rule is switched off only on the line that needs it,
 * with `eslint-disable-next-line rule -- why`.
 */
'use strict';

const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const reactHooks = require('eslint-plugin-react-hooks');
const jsxA11y = require('eslint-plugin-jsx-a11y');

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, 'error']));

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'demo/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // TypeScript checks names itself (tsc --noEmit in npm test); no-undef does not know DOM or office-js types.
      'no-undef': 'off',
      // Unused names are tsc's business too (noUnusedLocals); `_`-prefixed ones are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    // The Rules of Hooks and complete effect dependencies, both as errors. The plugin's recommended set
    // (v7) adds the React Compiler's checks (set-state-in-effect, refs, purity...): they describe code the
    // compiler can optimise, and Tierwise is not built with the React Compiler, so they are not enabled.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/taskpane/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // CommonJS by nature (webpack, jest and ESLint load them with require): require is how they import.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
