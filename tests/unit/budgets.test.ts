/** The budget check itself: a script over its budget, or without one, is reported; one within is not. */
import { describe, expect, it } from 'vitest';
import { overBudget } from '../support/budgets';

describe('the content-script budget check', () => {
  it('passes a script within its budget and fails one over it or without one', () => {
    expect(overBudget([{ file: 'portal.js', raw: 40_000, gzip: 15_000, budget: 15_360 }])).toEqual([]);
    expect(overBudget([{ file: 'portal.js', raw: 40_000, gzip: 15_361, budget: 15_360 }])).toEqual(['portal.js: 15361 bytes gzipped, budget 15360']);
    expect(overBudget([{ file: 'extra.js', raw: 10, gzip: 30, budget: undefined }])).toEqual(['extra.js: no budget in tests/support/budgets.ts (30 bytes gzipped)']);
  });
});
