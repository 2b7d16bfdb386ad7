import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'web/src/gql/**',
      '**/*.cjs',
      'eslint.config.mjs',
      'jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': ['error', { allow: ['error'] }],
      // One Graph path: only the Graph layer (and its simulator) may speak HTTP to the outside.
      'no-restricted-globals': [
        'error',
        {
          name: 'fetch',
          message: 'Call Microsoft Graph through GraphClient (src/infrastructure/graph); no ad-hoc HTTP.',
        },
      ],
    },
  },
  {
    files: [
      'src/infrastructure/graph/**',
      'src/graph-simulator/**',
      'test/**',
      'bench/**',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
    ],
    rules: { 'no-restricted-globals': 'off', 'no-console': 'off' },
  },
  {
    files: ['src/main.ts', 'src/cli/**', 'src/**/*.cli.ts', 'src/graph-simulator/main.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The demo and the watch and import CLIs are clients of our own API, not of Graph.
    files: ['src/cli/demo.ts', 'src/cli/watch.ts', 'src/modules/backups/import-backup.cli.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // The console (web/): a browser app with its own rules: React, hooks, accessibility.
    files: ['web/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'react/prop-types': 'off',
      'no-restricted-globals': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['web/scripts/**', 'web/vite.config.ts', 'web/codegen.ts', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);
