/**
 * PDF export of a dossier with 40 requirements (20 documents plus 10 two-way alternatives), every
 * document with a status, a date of issue, a validity window, captured values and two sources, and a
 * procedure with two visits, delays and notes, in the four UI languages: time to build the summary and
 * the PDF (pdf-lib, embedded DejaVu Sans subset) and the file's size. The baseline draws the very same
 * laid-out lines with pdf-lib's standard Helvetica and no measuring, in the same run: the ratio says
 * what the Unicode font costs on this machine, whatever its load. Times are medians, never asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchResult } from './types';
import { syntheticDossier } from '../tests/fixtures/synthetic-dossier';
import { summarise } from '../src/dossier/summary';
import { buildPdf, drawPdf, layoutPdf } from '../src/export/pdf';
import { plainFont } from '../src/export/pdf-font';
import { LANGS } from '../src/i18n';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const FONT = new Uint8Array(readFileSync(join(import.meta.dirname, '../src/export/fonts/DejaVuSans.ttf')));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Only what WinAnsi (the standard fonts' encoding) can write: the baseline draws the same lines, not the same glyphs. */
const winAnsi = (text: string) => text.replace(/[^\x20-\x7e\u00a0-\u00ff€’‘“”–—…•]/g, '?');

const bench: Bench = async ({ quick }) => {
  const input = syntheticDossier();
  const procedure = input.catalog.procedures[0]!;
  const runs = quick ? 1 : 15;
  const results: BenchResult[] = [];
  for (const lang of quick ? (['fr'] as const) : LANGS) {
    const times: number[] = [];
    const cpu: number[] = [];
    const base: number[] = [];
    const baseCpu: number[] = [];
    let size = 0;
    let pages = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const summary = summarise({ ...input, lang, today: '2026-11-23' });
      const bytes = await buildPdf({ summary, procedure, font: FONT, now: new Date('2026-11-23T12:00:00Z') });
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      // The baseline: the same lines, laid out beforehand, drawn with Helvetica (no embedding, no measuring).
      const layout = layoutPdf(summary, procedure, plainFont(FONT).width);
      const ops = layout.ops.map((op) => (op.kind === 'text' ? { ...op, text: winAnsi(op.text) } : op));
      const b0 = performance.now();
      const bc0 = process.cpuUsage();
      await drawPdf(ops, layout.pages, (doc) => doc.embedFont(StandardFonts.Helvetica), { title: 'baseline', subject: 'baseline', lang });
      const b = performance.now() - b0;
      const bc = process.cpuUsage(bc0);
      // The first run warms up the JIT and parses the font once. CPU time is less disturbed than wall
      // time by the other processes of a busy machine.
      if (i > 0) {
        times.push(t);
        cpu.push((c.user + c.system) / 1000);
        base.push(b);
        baseCpu.push((bc.user + bc.system) / 1000);
      }
      size = bytes.length;
      if (i === 0) pages = (await PDFDocument.load(bytes)).getPageCount();
    }
    results.push({
      name: `PDF export, 40 requirements (${lang})`,
      value: median(times),
      unit: 'ms',
      detail: { runs, max: Math.max(...times).toFixed(1), cpuMs: median(cpu).toFixed(1), sizeKB: (size / 1024).toFixed(1), pages },
    });
    results.push({
      name: `PDF export ÷ Helvetica baseline, same lines (${lang})`,
      value: Number((median(cpu) / median(baseCpu)).toFixed(2)),
      unit: 'ratio (CPU)',
      detail: { baselineMs: median(base).toFixed(1), baselineCpuMs: median(baseCpu).toFixed(1), wallRatio: (median(times) / median(base)).toFixed(2) },
    });
  }
  return results;
};
export default bench;
