import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importBoundaries } from './scripts/lint/import-boundaries.js';
import { layerBoundaries } from './scripts/lint/layer-boundaries.js';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'kiosk/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  ...layerBoundaries,
  // The apps (staff app with the guest page, kiosk) use only the contract and the call core; the
  // call core uses only the contract. Each keeps to its own folder otherwise.
  ...importBoundaries([
    { root: 'client/src', allow: ['@madoguchi/contract', '@madoguchi/call-core'] },
    { root: 'kiosk/src', allow: ['@madoguchi/contract', '@madoguchi/call-core'] },
    { root: 'client/call-core/src', allow: ['@madoguchi/contract'] },
  ]),
);
