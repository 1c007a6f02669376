import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run on the sources of sibling packages, not on their last build.
    alias: [
      { find: /^@yaodian\/parser$/, replacement: src('parser') },
      { find: /^@yaodian\/core$/, replacement: src('core') },
      { find: /^@yaodian\/server$/, replacement: src('server') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/eval/**/*.test.ts',
      'scripts/*.test.js',
      '*.test.ts',
    ],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
