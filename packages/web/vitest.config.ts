import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Component and unit tests of the web app (jsdom). The root run picks up the *.test.ts files too;
// each DOM test declares `@vitest-environment jsdom` itself so it passes there as well.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.ts'],
    root: import.meta.dirname,
    testTimeout: 30_000,
  },
});
