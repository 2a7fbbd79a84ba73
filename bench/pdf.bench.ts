/**
 * PDF export of a dossier with 40 requirements (20 documents plus 10 two-way alternatives), every
 * document with a status, a date of issue, a validity window and captured values, in the four UI
 * languages: time to build the summary and the PDF (pdf-lib, embedded DejaVu Sans subset) and the
 * file's size. Times are medians, reported, never asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchResult } from './types';
import { syntheticDossier } from '../tests/fixtures/synthetic-dossier';
import { summarise } from '../src/dossier/summary';
import { buildPdf } from '../src/export/pdf';
import { LANGS } from '../src/i18n';
import { PDFDocument } from 'pdf-lib';

const FONT = readFileSync(join(import.meta.dirname, '../src/export/fonts/DejaVuSans.ttf'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Bench = async ({ quick }) => {
  const input = syntheticDossier();
  const procedure = input.catalog.procedures[0]!;
  const runs = quick ? 1 : 15;
  const results: BenchResult[] = [];
  for (const lang of quick ? (['fr'] as const) : LANGS) {
    const times: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    let pages = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const summary = summarise({ ...input, lang, today: '2026-11-23' });
      const bytes = await buildPdf({ summary, procedure, font: FONT, now: new Date('2026-11-23T12:00:00Z') });
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      // The first run warms up the JIT and fontkit's tables. CPU time is less disturbed than wall time
      // by the other processes of a busy machine.
      if (i > 0) {
        times.push(t);
        cpu.push((c.user + c.system) / 1000);
      }
      size = bytes.length;
      if (i === 0) pages = (await PDFDocument.load(bytes)).getPageCount();
    }
    results.push({ name: `PDF export, 40 requirements (${lang})`, value: median(times), unit: 'ms', detail: { runs, max: Math.max(...times).toFixed(1), cpuMs: median(cpu).toFixed(1), sizeKB: (size / 1024).toFixed(1), pages } });
  }
  return results;
};
export default bench;
