import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ on the same origin; in development Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  base: '/',
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
