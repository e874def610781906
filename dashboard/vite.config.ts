/**
 * Builds the two pages: index.html (operator dashboard, served at /) and status.html (the
 * public status page, served at /status) into dist/dashboard, which the server serves
 * statically. In `vite dev`, the API and socket.io go to a server on FLASHCROWD_DEV_API
 * (default http://localhost:8080).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.FLASHCROWD_DEV_API ?? 'http://localhost:8080';

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // no source maps in the served build: they would publish the sources to anyone who asks
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        status: fileURLToPath(new URL('status.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/history.atom': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
