/**
 * The byte budgets of the built content scripts (npm run build first), gzipped as the benchmark
 * measures them: the script every catalog page runs hosts the panel's frame and reads what the
 * background asks; the panel itself, the recognition index and the matcher are not in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BOOKING_SCRIPT_BUDGET_KB, CONTENT_SCRIPT_BUDGET_KB } from '../../bench/budgets';

const ROOT = resolve(import.meta.dirname, '../..');
const gzippedKb = (file: string) => {
  const path = join(ROOT, '.output/chrome-mv3/content-scripts', file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return gzipSync(readFileSync(path)).length / 1024;
};

describe('content script budgets', () => {
  it(`the portal pages' script is at most ${CONTENT_SCRIPT_BUDGET_KB} KB gzipped`, () => {
    expect(gzippedKb('portal.js')).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_KB);
  });
  it(`the booking sites' script is at most ${BOOKING_SCRIPT_BUDGET_KB} KB gzipped`, () => {
    expect(gzippedKb('booking.js')).toBeLessThanOrEqual(BOOKING_SCRIPT_BUDGET_KB);
  });
  it('carries no panel view, no recognition index and no schema', () => {
    const script = readFileSync(join(ROOT, '.output/chrome-mv3/content-scripts/portal.js'), 'utf8');
    for (const absent of ['What this page is for', 'irisbox-certificate', 'strictObject', 'aria-pressed']) expect(script, absent).not.toContain(absent);
  });
});
