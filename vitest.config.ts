import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Three projects, in the order `npm test` runs them:
 * - `unit` runs the pure core and the store in Node (WXT's fake browser, fake-indexeddb) and needs no
 *   build: it passes on a fresh clone;
 * - `built` reads what `npm run build` wrote to .output/ (manifests, bundles, byte budgets);
 * - `browser` drives the built extension in a real Chromium, one file at a time (2-core machines).
 * Shared helpers live in tests/support/, fixtures in tests/fixtures/.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
          // Some unit tests spawn the catalog CLI (tsx): on a busy 2-core CI machine that takes seconds.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'built',
          environment: 'node',
          include: ['tests/built/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          // One more try for a browser test: a real browser on a shared 2-core machine sometimes
          // delivers an event late. A real fault fails twice; vitest reports the retried ones.
          retry: 1,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
