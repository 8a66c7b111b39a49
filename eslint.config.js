import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Imports that would cross a layer: the renderer is DOM only, shared is pure, electron never reaches into the renderer. */
const layer = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': layer(['**/electron/**', 'electron', 'node:*', 'fs', 'path', 'better-sqlite3', '@napi-rs/keyring'], 'The renderer reaches the main process only through the typed bridge in shared/contract.'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(['**/electron/**', '**/renderer/**', 'electron', 'node:*', 'react', 'react-dom'], 'shared/ is pure TypeScript used by both processes: no Node, DOM, Electron or React.'),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: {
      'no-restricted-imports': layer(['**/renderer/**', 'electron', 'react'], 'Services are plain Node: only electron/main.ts, preload.ts and shell/ may import electron.'),
    },
  },
  {
    // Features reach the store server only through the plug-in interface in electron/core/store-link.ts.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**', 'electron/app/**', 'electron/store-server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'electron', 'react'], message: 'Services are plain Node: only electron/main.ts, preload.ts and shell/ may import electron.' },
            { group: ['**/store-server/**'], message: 'Features reach the store server only through electron/core/store-link.ts; electron/app/ wires it in.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: { 'no-restricted-imports': layer(['**/renderer/**'], 'electron/ never imports from renderer/.') },
  },
);
