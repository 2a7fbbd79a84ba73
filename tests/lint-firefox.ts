/**
 * `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) on the Firefox build. Fails on any
 * error, and on any warning whose code is not explained in wxt.config.ts or that shows up outside the
 * files the explanation covers: a new warning has to be fixed or its reason written down where the
 * manifest is made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface Report {
  summary: { errors: number; warnings: number; notices: number };
  errors: Message[];
  warnings: Message[];
  notices: Message[];
}

const root = resolve(import.meta.dirname, '..');
const build = join(root, '.output/firefox-mv2');
if (!existsSync(join(build, 'manifest.json'))) {
  console.error('lint:firefox: .output/firefox-mv2 is missing — run npm run build first');
  process.exit(1);
}

const run = spawnSync(join(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', build, '--output', 'json', '--no-input'], { encoding: 'utf8' });
const start = run.stdout.indexOf('{');
if (start < 0) {
  console.error(`lint:firefox: web-ext lint gave no report (exit ${run.status})\n${run.stderr}`);
  process.exit(1);
}
const report = JSON.parse(run.stdout.slice(start)) as Report;
const config = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
const show = (m: Message) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`;
/**
 * Where each explained warning may appear: a known warning in a new place (our own chunk calling eval,
 * say) is a new warning.
 */
const WHERE: Record<string, RegExp> = {
  // The extension pages share Preact in a chunk Vite names after its first module (e.g. jsxRuntime.module-….js).
  UNSAFE_VAR_ASSIGNMENT: /^(content-scripts\/(portal|booking)\.js|chunks\/[\w.-]+\.js)$/,
  DANGEROUS_EVAL: /^chunks\/pdf-[\w-]+\.js$/,
};
const unexplained = report.warnings.filter((w) => !config.includes(w.code) || !(WHERE[w.code]?.test(w.file ?? '') ?? true));

console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
for (const w of report.warnings) console.log(`${show(w)}${unexplained.includes(w) ? '  [NOT EXPLAINED in wxt.config.ts]' : '  (explained in wxt.config.ts)'}`);
for (const n of report.notices) console.log(show(n));
for (const e of report.errors) console.error(show(e));
if (report.summary.errors > 0 || unexplained.length > 0) {
  console.error('lint:firefox: fix the errors, and fix or explain (in a comment in wxt.config.ts) every warning');
  process.exit(1);
}
