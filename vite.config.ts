import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer, built for the browser: `npm run dev` serves it, `npm run build:renderer`
 * writes dist/renderer/ (served on 127.0.0.1 by the start script and the end-to-end tests;
 * Electron loads the same files from a custom protocol).
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  // The bundle is loaded from disk or 127.0.0.1, never over a slow network: one chunk is fine.
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 1_000,
  },
});
