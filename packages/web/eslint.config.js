// Lints the web app with the root rules, but type-checks it through its own tsconfig (DOM, JSX),
// which tsconfig.eslint.json lacks. Run: npx eslint -c packages/web/eslint.config.js packages/web
import root from '../../eslint.config.js';

export default [
  ...root,
  {
    files: ['packages/web/**/*.ts', 'packages/web/**/*.tsx'],
    languageOptions: {
      parserOptions: { project: ['./packages/web/tsconfig.json'], tsconfigRootDir: new URL('../..', import.meta.url).pathname },
    },
  },
  { files: ['packages/web/*.config.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { ignores: ['packages/web/dist/**', 'packages/web/eslint.config.js'] },
];
