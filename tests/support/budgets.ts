/**
 * Byte budgets of what runs inside the user's page, in one place: the built test
 * (tests/built/bundle-size.test.ts) fails above them and the content benchmark reports against them.
 * Sizes are gzipped bytes (what a reviewer and the browser's cache see), counted with Node's zlib.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Per content script of the Chrome build (`content-scripts/<name>.js`), in bytes gzipped. */
export const CONTENT_SCRIPT_BUDGETS: Readonly<Record<string, number>> = {
  // The portal script: recogniser, panel shell and Preact; no schema, PDF or YAML library. Raised from
  // 15 KB when issue 14 (real portals) merged: its recognition index (every portal page, commune host
  // and lexicon name, 3.4 KB gzipped) and the form/commune panel lines took it to 19,116 bytes; the
  // budget is that measure + 0.5 KB. Not a target: issue 13 is cutting the content script down (the
  // commune part of the index to come with the run-time registration) and will lower this again.
  'portal.js': 19_116 + 512,
  // The booking sites' script (portal script plus the booking guide), registered for granted hosts
  // only: 15.8 KB when first set (17 KB budget); 20,848 bytes after issue 14's index, budget that
  // measure + 0.5 KB, to come down with the portal script in issue 13.
  'booking.js': 20_848 + 512,
};

export interface ScriptSize {
  file: string;
  raw: number;
  gzip: number;
  budget: number | undefined;
}

/** Every content script of a build with its raw and gzipped size and its budget (undefined: none set). */
export function contentScriptSizes(build: string): ScriptSize[] {
  const dir = join(build, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes).length, budget: CONTENT_SCRIPT_BUDGETS[file] };
    });
}

/** The scripts over their budget, or without one, as readable lines (empty when all is well). */
export function overBudget(sizes: ScriptSize[]): string[] {
  return sizes.flatMap((s) => {
    if (s.budget === undefined) return [`${s.file}: no budget in tests/support/budgets.ts (${s.gzip} bytes gzipped)`];
    return s.gzip > s.budget ? [`${s.file}: ${s.gzip} bytes gzipped, budget ${s.budget}`] : [];
  });
}
