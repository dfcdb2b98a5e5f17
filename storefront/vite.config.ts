/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs separately (`make run`, port 8000); Vite proxies to it so the
// app talks to the same origin it will have when Django serves the build.
const api = process.env.API_PROXY ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql/': api,
      '/media/': api,
    },
  },
  build: {
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // Above the 10 s a findBy may wait for its state (src/test/setup.ts) on a loaded machine.
    testTimeout: 20_000,
    setupFiles: ['src/test/setup.ts'],
    // Every core: Vitest's default leaves one free (one worker on a 2-core machine), and
    // each file's jsdom setup and renders then wait in a single queue.
    maxWorkers: '100%',
    restoreMocks: true,
    reporters: ['default', './scripts/vitest-summary.ts'],
  },
});
