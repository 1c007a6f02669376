import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compressAssets } from './build/compress-assets.js';

// The server serves dist/ on the same origin; in development Vite proxies /api to it.
export default defineConfig({
  plugins: [react(), compressAssets()],
  // The contract from its sources, so the app never lags an unbuilt @yaodian/core.
  resolve: {
    alias: [
      {
        find: /^@yaodian\/core$/,
        replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      },
    ],
  },
  base: '/',
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
