/**
 * The fact ledger: one row per fact a seed states, tying the seed's sentence to the catalog field that
 * encodes it (catalog/ledger/<seed>.tsv, syntax in catalog/ledger/README.md). Without it no test knows
 * which sentence a field stands for, so a wrong criterion or a claim the seed never made goes unseen.
 * This module parses the rows, resolves each path against a loaded catalog, checks the expected value,
 * and checks that every catalog entry citing a seed is backed by at least one row of that seed.
 * Node-only (CLI and tests).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from './load';
import type { Kind } from './schema';

export const FACT_KINDS = ['fee', 'delay', 'count', 'condition', 'alternative', 'validity', 'visit', 'channel', 'address', 'document', 'conflict', 'other'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export type Expectation =
  | { op: 'exists' }
  | { op: 'equals'; value: string }
  | { op: 'contains'; value: string }
  | { op: 'lacks'; value: string }
  | { op: 'left-out'; reason: string };

export interface LedgerRow {
  seed: string;
  /** `catalog/ledger/<seed>.tsv:<line>`, for messages. */
  where: string;
  kind: FactKind;
  quote: string;
  path: string;
  expect: Expectation;
}

export interface LedgerProblem {
  where: string;
  message: string;
}

export function parseExpectation(text: string): Expectation | string {
  const t = text.trim();
  if (t === '') return { op: 'exists' };
  const left = /^left-out:\s*(.*)$/.exec(t);
  if (left) return left[1]!.trim() ? { op: 'left-out', reason: left[1]!.trim() } : 'left-out needs a reason';
  if (t.startsWith('!~')) return { op: 'lacks', value: t.slice(2).trim() };
  if (t.startsWith('~')) return { op: 'contains', value: t.slice(1).trim() };
  if (t.startsWith('=')) return { op: 'equals', value: t.slice(1).trim() };
  return `expected "", "=value", "~text", "!~text" or "left-out: reason", got "${t}"`;
}

/** Parses one ledger file: tab-separated `kind quote path expected`, `#` comments and blank lines skipped. */
export function parseLedger(seed: string, text: string, file = `catalog/ledger/${seed}.tsv`): { rows: LedgerRow[]; problems: LedgerProblem[] } {
  const rows: LedgerRow[] = [];
  const problems: LedgerProblem[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (cells.length < 3 || cells.length > 4) {
      problems.push({ where, message: `expected 3 or 4 tab-separated cells (kind, quote, path, expected), got ${cells.length}` });
      return;
    }
    const [kind, quote, path, expected = ''] = cells.map((c) => c.trim()) as [string, string, string, string?];
    if (!(FACT_KINDS as readonly string[]).includes(kind)) problems.push({ where, message: `unknown kind "${kind}" (one of ${FACT_KINDS.join(', ')})` });
    if (!quote) problems.push({ where, message: 'a row needs a quote from the seed' });
    const expect = parseExpectation(expected);
    if (typeof expect === 'string') {
      problems.push({ where, message: expect });
      return;
    }
    if (!path && expect.op !== 'left-out') problems.push({ where, message: 'a row needs a catalog path unless it is left out' });
    rows.push({ seed, where, kind: kind as FactKind, quote, path, expect });
  });
  return { rows, problems };
}

export function readLedgers(dir: string): { rows: LedgerRow[]; problems: LedgerProblem[]; seeds: string[] } {
  const rows: LedgerRow[] = [];
  const problems: LedgerProblem[] = [];
  const seeds: string[] = [];
  if (!existsSync(dir)) return { rows, problems: [{ where: dir, message: 'missing ledger folder' }], seeds };
  for (const name of readdirSync(dir).sort()) {
    const m = /^(\d{3}_[0-9a-f]{16})\.tsv$/.exec(name);
    if (!m) continue;
    seeds.push(m[1]!);
    const parsed = parseLedger(m[1]!, readFileSync(join(dir, name), 'utf8'), `catalog/ledger/${name}`);
    rows.push(...parsed.rows);
    problems.push(...parsed.problems);
  }
  return { rows, problems, seeds };
}

type Match = { key: string; value: string; contains: boolean };
type Step = { key: string } | { index: number } | { match: Match[]; deep: boolean };

/**
 * `fees[id=card].amount.fixed`, `requirements..[artefact=x]`, `notes[fr~=Validité].en`, `sources[0]`,
 * `fee_overrides[procedure=eid-card&fee=urgent]`.
 */
export function parsePath(path: string): Step[] | string {
  const steps: Step[] = [];
  const re = /(\.\.)?\[([^\]]+)\]|\.?([A-Za-z_][\w-]*)/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) return `cannot read "${path.slice(at)}"`;
    at = re.lastIndex;
    if (m[3] !== undefined) {
      steps.push({ key: m[3] });
      continue;
    }
    const inner = m[2]!;
    const deep = m[1] === '..';
    if (/^\d+$/.test(inner) && !deep) {
      steps.push({ index: Number(inner) });
      continue;
    }
    const match: Match[] = [];
    for (const part of inner.split('&')) {
      const sel = /^([\w-]+)(~?=)(.+)$/.exec(part);
      if (!sel) return `bad selector [${inner}]: use [n], [key=value], [key~=text] or several joined by &`;
      match.push({ key: sel[1]!, value: sel[3]!, contains: sel[2] === '~=' });
    }
    steps.push({ match, deep });
  }
  return steps;
}

const norm = (s: string) => s.normalize('NFC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** The text a field holds: a string, a number, or a localised text's French (every seed is French). */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && typeof (value as { fr?: unknown }).fr === 'string') return (value as { fr: string }).fr;
  return undefined;
}

function selects(item: unknown, step: Extract<Step, { match: Match[] }>): boolean {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
  return step.match.every((m) => {
    const text = textOf((item as Record<string, unknown>)[m.key]);
    if (text === undefined) return false;
    return m.contains ? norm(text).includes(norm(m.value)) : text === m.value;
  });
}

function* descendants(value: unknown): Generator<unknown> {
  const children = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
  for (const v of children) {
    yield v;
    yield* descendants(v);
  }
}

const FILE = /^(procedures|artefacts|portals|communes|consulates|booking-platforms)\/([a-z0-9-]+)\.yaml$/;

/** Resolves `kind/id.yaml#field.path`; returns every object visited (the entry first) and the value. */
export function resolve(catalog: Catalog, path: string): { chain: unknown[]; value: unknown } | string {
  const [file, field = ''] = path.split('#', 2) as [string, string?];
  const m = FILE.exec(file);
  if (!m) return `"${file}" is not a catalog file (procedures|artefacts|portals|communes|consulates|booking-platforms/<id>.yaml)`;
  const kind = m[1] as Kind;
  const entry = (catalog[kind === 'booking-platforms' ? 'platforms' : kind] as Array<{ id: string }>).find((e) => e.id === m[2]);
  if (!entry) return `no ${m[1]} entry "${m[2]}"`;
  const steps = field ? parsePath(field) : [];
  if (typeof steps === 'string') return steps;
  const chain: unknown[] = [entry];
  let value: unknown = entry;
  for (const step of steps) {
    let next: unknown;
    if ('key' in step) next = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[step.key] : undefined;
    else if ('index' in step) next = Array.isArray(value) ? value[step.index] : undefined;
    else if (step.deep) next = [...descendants(value)].find((v) => selects(v, step));
    else next = Array.isArray(value) ? value.find((v) => selects(v, step)) : undefined;
    if (next === undefined) return `${file}#${field}: nothing at ${describeStep(step)}`;
    value = next;
    chain.push(value);
  }
  return { chain, value };
}

function describeStep(step: Step): string {
  if ('key' in step) return `.${step.key}`;
  if ('index' in step) return `[${step.index}]`;
  return `${step.deep ? '..' : ''}[${step.match.map((m) => `${m.key}${m.contains ? '~=' : '='}${m.value}`).join('&')}]`;
}

/** Checks one row; undefined when it holds (left-out rows always hold: their reason is the record). */
export function checkRow(catalog: Catalog, row: LedgerRow): string | undefined {
  if (row.expect.op === 'left-out') {
    if (!row.path) return undefined;
    const resolved = resolve(catalog, row.path);
    return typeof resolved === 'string' ? `left out, but its path does not resolve: ${resolved}` : undefined;
  }
  const resolved = resolve(catalog, row.path);
  if (typeof resolved === 'string') return resolved;
  const text = textOf(resolved.value);
  const e = row.expect;
  if (e.op === 'exists') return undefined;
  if (text === undefined) return `${row.path} holds ${JSON.stringify(resolved.value).slice(0, 80)}, not a text or number to compare`;
  if (e.op === 'equals') {
    const same = typeof resolved.value === 'number' ? Number(e.value) === resolved.value : text === e.value;
    return same ? undefined : `${row.path} is ${JSON.stringify(text)}, the seed says ${JSON.stringify(e.value)}`;
  }
  const has = norm(text).includes(norm(e.value));
  if (e.op === 'contains' && !has) return `${row.path} does not contain ${JSON.stringify(e.value)}: ${JSON.stringify(text.slice(0, 160))}`;
  if (e.op === 'lacks' && has) return `${row.path} still contains ${JSON.stringify(e.value)}`;
  return undefined;
}

/** The parts of the catalog that carry their own `provenance`: entries, artefact sources, portal pages. */
function* provenanceHolders(catalog: Catalog): Generator<{ label: string; holder: { provenance: string[] } }> {
  for (const kind of ['procedures', 'artefacts', 'portals', 'communes', 'consulates', 'platforms'] as const) {
    for (const entry of catalog[kind]) {
      yield { label: `${kind}/${entry.id}.yaml`, holder: entry };
      if (kind === 'artefacts') for (const s of (entry as Catalog['artefacts'][number]).sources) yield { label: `${kind}/${entry.id}.yaml#sources[id=${s.id}]`, holder: s };
      if (kind === 'portals') for (const p of (entry as Catalog['portals'][number]).pages) yield { label: `${kind}/${entry.id}.yaml#pages[id=${p.id}]`, holder: p };
    }
  }
}

export interface LedgerReport {
  failures: LedgerProblem[];
  /** Per seed: rows, rows whose fact is encoded (and checked), rows left out with a reason. */
  coverage: Array<{ seed: string; rows: number; encoded: number; leftOut: number }>;
}

/**
 * Every row checked, then every provenance claim: a part of the catalog citing a seed must be the
 * target (or hold the target) of at least one encoded row of that seed's ledger.
 */
export function checkLedger(catalog: Catalog, rows: LedgerRow[], seeds: string[]): LedgerReport {
  const failures: LedgerProblem[] = [];
  const backed = new Map<string, Set<unknown>>();
  for (const row of rows) {
    const problem = checkRow(catalog, row);
    if (problem) failures.push({ where: row.where, message: problem });
    if (row.expect.op === 'left-out' || problem) continue;
    const resolved = resolve(catalog, row.path);
    if (typeof resolved === 'string') continue;
    const set = backed.get(row.seed) ?? new Set();
    for (const node of resolved.chain) set.add(node);
    backed.set(row.seed, set);
  }
  for (const { label, holder } of provenanceHolders(catalog)) {
    for (const ref of holder.provenance) {
      const m = /^seeds\/(\d{3}_[0-9a-f]{16})\.txt$/.exec(ref);
      if (!m) continue;
      if (!seeds.includes(m[1]!)) failures.push({ where: label, message: `cites ${ref}, which has no ledger` });
      else if (!backed.get(m[1]!)?.has(holder)) failures.push({ where: label, message: `cites ${ref}, but no row of that seed's ledger points into it` });
    }
  }
  const coverage = seeds.map((seed) => {
    const mine = rows.filter((r) => r.seed === seed);
    const leftOut = mine.filter((r) => r.expect.op === 'left-out').length;
    return { seed, rows: mine.length, encoded: mine.length - leftOut, leftOut };
  });
  return { failures, coverage };
}

/** Quotes must be found in the seed they cite (whitespace and apostrophes normalised). */
export function checkQuotes(rows: LedgerRow[], seedDir: string): LedgerProblem[] {
  const texts = new Map<string, string>();
  const problems: LedgerProblem[] = [];
  for (const row of rows) {
    if (!texts.has(row.seed)) {
      const file = join(seedDir, `${row.seed}.txt`);
      texts.set(row.seed, existsSync(file) ? norm(readFileSync(file, 'utf8')) : '');
    }
    const text = texts.get(row.seed)!;
    if (!text) problems.push({ where: row.where, message: `seed ${row.seed}.txt not found in ${seedDir}` });
    else if (!text.includes(norm(row.quote))) problems.push({ where: row.where, message: `quote not found in the seed: ${JSON.stringify(row.quote)}` });
  }
  return problems;
}

/** Every leaf of one entry as `path = value`, in the ledger's path syntax, to write rows against. */
export function leafPaths(catalog: Catalog, file: string): string[] {
  const resolved = resolve(catalog, file);
  if (typeof resolved === 'string') return [resolved];
  const out: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const id = v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? `[id=${(v as { id: string }).id}]` : `[${i}]`;
        visit(v, `${path}${id}`);
      });
    } else if (value && typeof value === 'object') {
      const fr = (value as { fr?: unknown }).fr;
      if (typeof fr === 'string') out.push(`${path} = ${fr}`);
      else for (const [k, v] of Object.entries(value)) if (k !== 'nl' && k !== 'de' && k !== 'en') visit(v, path ? `${path}.${k}` : k);
    } else out.push(`${path} = ${String(value)}`);
  };
  visit(resolved.value, '');
  return out.map((l) => `${file}#${l}`);
}
