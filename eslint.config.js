import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layering (docs/ARCHITECTURE.md): parser imports nothing of ours; the cli is the composition root for its
// server commands (serve, import, backup), so it may use the server's public entry; web uses core only.
const layer = (pkg, banned) => ({
  files: [`packages/${pkg}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((name) => ({
          group: [`@yaodian/${name}`, `@yaodian/${name}/*`],
          message: `${pkg} must not import ${name}`,
        })),
      },
    ],
  },
});

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
  layer('parser', ['core', 'server', 'web', 'cli']),
  layer('core', ['server', 'web', 'cli']),
  layer('server', ['web', 'cli']),
  layer('cli', ['web']),
  { ...layer('web', ['parser', 'server', 'cli']), ignores: ['packages/web/e2e/**'] },
);
