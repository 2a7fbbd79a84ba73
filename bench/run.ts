/**
 * `npm run bench [-- --quick]`: runs every bench/*.bench.ts, writes bench/results.json, bench/results.md
 * and the table in README.md's "Benchmarks" section, and prints the table. Times are reported as
 * medians and ratios, never asserted: these machines are noisy. `--quick` (CI, `npm run bench:quick`)
 * only checks that every benchmark still runs, and writes nothing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpus, loadavg } from 'node:os';
import type { Bench, BenchResult } from './types';

const here = import.meta.dirname;
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

// The machine's load when the run starts: on a shared CI box, other jobs slow every figure.
const load = Number(loadavg()[0]?.toFixed(1));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only)))
  .sort();
// With --only, the other areas keep their last figures: the files always hold every area.
const previous = join(here, 'results.json');
const before = only && existsSync(previous) ? (JSON.parse(readFileSync(previous, 'utf8')) as { date: string; results: Record<string, BenchResult[]> }) : undefined;
const results: Record<string, BenchResult[]> = before?.results ?? {};
let failed = 0;
for (const file of files) {
  const area = file.replace(/\.bench\.ts$/, '');
  try {
    const bench = (await import(pathToFileURL(join(here, file)).href)).default as Bench;
    results[area] = await bench({ quick });
  } catch (error) {
    failed++;
    console.error(`bench ${area} failed:`, error);
  }
}

const rows = Object.entries(results)
  .sort(([a], [b]) => a.localeCompare(b))
  .flatMap(([area, list]) =>
    list.map((r) => `| ${area} | ${r.name} | ${Number.isInteger(r.value) ? r.value : r.value.toFixed(3)} ${r.unit} | ${Object.entries(r.detail ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ')} |`),
  );
const table = ['| area | measure | value | detail |', '| --- | --- | --- | --- |', ...rows].join('\n');
if (!quick) {
  writeFileSync(
    join(here, 'results.json'),
    JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverage1m: load }, results }, null, 2) + '\n',
  );
  writeFileSync(join(here, 'results.md'), table + '\n');
  updateReadme(table);
}
console.log(files.length === 0 ? 'no bench/*.bench.ts yet' : table);
if (failed > 0) process.exit(1);

/** Replaces what lies between the README's bench markers, so the README always shows the latest run. */
function updateReadme(latest: string) {
  const readme = join(here, '..', 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    console.error(`README.md has no ${start} … ${end} markers: table not copied there`);
    return;
  }
  const rerun = before ? ` Only ${only} was rerun then; the other areas are from ${before.date.slice(0, 10)}.` : '';
  const machine = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load} at the start.${rerun}`;
  writeFileSync(readme, `${text.slice(0, from + start.length)}\n${machine}\n\n${latest}\n${text.slice(to)}`);
}
