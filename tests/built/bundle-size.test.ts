/**
 * What runs inside the user's page stays small: every content script of the Chrome build, gzipped,
 * within its budget (tests/support/budgets.ts). A byte count, not a time, so it can be asserted.
 */
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD } from '../support/harness';
import { contentScriptSizes, overBudget } from '../support/budgets';

describe('content scripts of the Chrome build', () => {
  const sizes = contentScriptSizes(CHROME_BUILD);

  it('are found', () => {
    expect(sizes.map((s) => s.file)).toContain('portal.js');
  });

  it('each fit their gzipped budget', () => {
    expect(overBudget(sizes)).toEqual([]);
  });
});
