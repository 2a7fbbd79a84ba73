import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Issue 13's attack tests (`*.attack.ts`): each asserts the safe outcome of one attack and fails on
 * the code that predates the fix, so the default run (vitest.config.ts) does not include them yet.
 * Run them with `npx vitest run --config tests/attacks.config.ts` (add `--project attacks-unit` or
 * `--project attacks-browser`, or a file). Once the fix lands they become ordinary `*.test.ts` files.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: { name: 'attacks-unit', environment: 'node', include: ['tests/unit/**/*.attack.ts'], testTimeout: 30_000 },
      },
      {
        test: {
          name: 'attacks-browser',
          environment: 'node',
          include: ['tests/browser/**/*.attack.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
