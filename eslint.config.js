import js from '@eslint/js';
import tseslint from 'typescript-eslint';

import { layering } from './eslint.layering.js';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/fixtures/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.eslint.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // The web app type-checks through its own tsconfig (DOM, JSX, bundler resolution).
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: ['./packages/web/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/bin/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'packages/*/*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  ...layering,
  // End-to-end tests drive the built app and start the real server: they may import it.
  { files: ['packages/web/e2e/**'], rules: { 'no-restricted-imports': 'off' } },
);
