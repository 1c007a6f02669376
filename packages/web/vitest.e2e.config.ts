import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end: the built app (run `npm run build -w packages/web` first) in headless Chromium against
// the real server in-process. Run: npx vitest run -c packages/web/vitest.e2e.config.ts
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@yaodian\/parser$/,
        replacement: fileURLToPath(new URL('../parser/src/index.ts', import.meta.url)),
      },
      {
        find: /^@yaodian\/core$/,
        replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
