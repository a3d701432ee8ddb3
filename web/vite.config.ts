import { defineConfig } from 'vite';

// Deterministic output (web/dist is committed and checked against the sources by
// scripts/test-web.sh): content-hashed file names, no build timestamps.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
