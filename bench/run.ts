/**
 * `npm run bench [-- --quick]`: runs every bench/*.bench.ts, writes bench/results.json and prints a
 * table. Times are reported as medians and ratios, never asserted: these machines are noisy. `--quick`
 * (CI) only checks that every benchmark still runs.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpus } from 'node:os';
import type { Bench, BenchResult } from './types';

const here = import.meta.dirname;
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only)))
  .sort();
const results: Record<string, BenchResult[]> = {};
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

const rows = Object.entries(results).flatMap(([area, list]) =>
  list.map((r) => `| ${area} | ${r.name} | ${Number.isInteger(r.value) ? r.value : r.value.toFixed(3)} ${r.unit} | ${Object.entries(r.detail ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ')} |`),
);
const table = ['| area | measure | value | detail |', '| --- | --- | --- | --- |', ...rows].join('\n');
if (!quick) {
  writeFileSync(
    join(here, 'results.json'),
    JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, results }, null, 2) + '\n',
  );
  writeFileSync(join(here, 'results.md'), table + '\n');
}
console.log(table);
if (failed > 0) process.exit(1);
