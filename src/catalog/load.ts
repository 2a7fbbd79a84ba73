/**
 * Loads catalog/ from disk, validates every file against its schema and checks the references between
 * files. Every problem is reported as `file: field.path: message`, all of them at once, so a catalog
 * author fixes a broken entry in one pass. Node-only (build time, CLI, tests).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { getPublicSuffix } from 'tldts';
import { KINDS, Commune as CommuneSchema, Lexicon as LexiconSchema, type Kind, type Procedure, type Artefact, type Portal, type Commune, type Lexicon, type RequirementNode, type Condition } from './schema';
import { hostMatches, pathMatches, squash } from '../recognise';
import { pageHosts } from './platforms';

/** Every commune after the 1 January 2025 mergers, one row each (see catalog/README.md). */
export const COMMUNES_TABLE = '_all.tsv';
export const COMMUNE_COUNT = 565;
const LEXICON_FILE = 'lexicon.yaml';

export interface CatalogIssue {
  file: string;
  path: string;
  message: string;
}

export interface Catalog {
  procedures: Procedure[];
  artefacts: Artefact[];
  portals: Portal[];
  communes: Commune[];
  lexicon: Lexicon;
}

export function formatIssue(issue: CatalogIssue): string {
  return `${issue.file}: ${issue.path || '(file)'}: ${issue.message}`;
}

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** zod's union errors say "invalid input"; dig into the branch that got furthest so the message is useful. */
function flattenZodIssues(issues: z.core.$ZodIssue[], prefix: ReadonlyArray<PropertyKey> = []): Array<{ path: PropertyKey[]; message: string }> {
  const out: Array<{ path: PropertyKey[]; message: string }> = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (deepest(b) > deepest(a) ? b : a));
      if (deepest(best) > 0) {
        out.push(...flattenZodIssues(best, path));
        continue;
      }
    }
    out.push({ path, message: issue.message });
  }
  return out;
}
function deepest(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'unrecognized_keys' ? 0 : 0.5)));
}

/** Parses and validates one YAML text; returns the value or the issues. */
export function parseEntry<K extends Kind>(kind: K, file: string, text: string): { value?: z.infer<(typeof KINDS)[K]>; issues: CatalogIssue[]; id?: string } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { issues: doc.errors.map((e) => ({ file, path: '', message: `YAML: ${e.message.split('\n')[0]}` })) };
  }
  const raw = doc.toJS() as { id?: unknown } | null;
  const parsed = KINDS[kind].safeParse(raw);
  if (!parsed.success) {
    return {
      issues: flattenZodIssues(parsed.error.issues).map((i) => ({ file, path: fieldPath(i.path), message: i.message })),
      ...(typeof raw?.id === 'string' ? { id: raw.id } : {}),
    };
  }
  return { value: parsed.data as z.infer<(typeof KINDS)[K]>, issues: [] };
}

/**
 * `repoRoot`, when given, is where the portals' `fixture:` paths are resolved and checked; without it
 * (e.g. a catalog copied elsewhere by a test) fixtures are not looked for.
 */
export function loadCatalog(root: string, options: { repoRoot?: string } = {}): { catalog: Catalog; issues: CatalogIssue[]; files: Map<string, string> } {
  const catalog: Catalog = { procedures: [], artefacts: [], portals: [], communes: [], lexicon: { artefacts: {}, topics: {}, last_verified: '1970-01-01' } };
  const issues: CatalogIssue[] = [];
  /** id → file, per kind, for messages that name where an entry lives. */
  const files = new Map<string, string>();
  /** Entries that exist but failed their schema: references to them are not reported again. */
  const broken = new Set<string>();
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const dir = join(root, kind);
    if (!existsSync(dir)) {
      issues.push({ file: relative(process.cwd(), dir) || dir, path: '', message: 'missing folder' });
      continue;
    }
    for (const name of readdirSync(dir).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const file = relative(process.cwd(), join(dir, name)) || name;
      const result = parseEntry(kind, file, readFileSync(join(dir, name), 'utf8'));
      issues.push(...result.issues);
      if (!result.value) {
        if (result.id) broken.add(`${kind}:${result.id}`);
        continue;
      }
      const entry = result.value as { id: string };
      if (name.replace(/\.ya?ml$/, '') !== entry.id) {
        issues.push({ file, path: 'id', message: `the file name must be the id ("${entry.id}.yaml")` });
      }
      const key = `${kind}:${entry.id}`;
      if (files.has(key)) issues.push({ file, path: 'id', message: `duplicate id "${entry.id}" (also in ${files.get(key)})` });
      files.set(key, file);
      (catalog[kind] as unknown[]).push(result.value);
    }
  }
  const table = readCommuneTable(root);
  issues.push(...table.issues);
  catalog.communes = mergeCommunes(table.communes, catalog.communes, files, issues);
  const lexiconPath = join(root, LEXICON_FILE);
  const lexiconFile = relative(process.cwd(), lexiconPath) || LEXICON_FILE;
  if (!existsSync(lexiconPath)) issues.push({ file: lexiconFile, path: '', message: 'missing file' });
  else {
    const doc = parseDocument(readFileSync(lexiconPath, 'utf8'), { uniqueKeys: true });
    const parsed = LexiconSchema.safeParse(doc.toJS());
    if (doc.errors.length > 0) issues.push(...doc.errors.map((e) => ({ file: lexiconFile, path: '', message: `YAML: ${e.message.split('\n')[0]}` })));
    else if (!parsed.success) issues.push(...flattenZodIssues(parsed.error.issues).map((i) => ({ file: lexiconFile, path: fieldPath(i.path), message: i.message })));
    else catalog.lexicon = parsed.data;
  }
  files.set('lexicon:lexicon', lexiconFile);
  issues.push(...checkReferences(catalog, files, options.repoRoot).filter((i) => !(i.ref && broken.has(i.ref))).map(({ ref: _, ...issue }) => issue));
  return { catalog, issues, files };
}

const TABLE_COLUMNS = ['id', 'nis', 'name_fr', 'name_nl', 'name_de', 'region', 'languages', 'facilities', 'postcodes', 'website', 'eguichet_platform', 'eguichet_tenant', 'eguichet_host', 'forms_host', 'population_contact', 'provenance'] as const;

/**
 * The table of every commune: one tab-separated row per commune, the facts every commune has (NIS,
 * names, region, languages, postcodes) and, where evidenced, its website and e-guichet.
 */
function readCommuneTable(root: string): { communes: Commune[]; issues: CatalogIssue[] } {
  const path = join(root, 'communes', COMMUNES_TABLE);
  const file = relative(process.cwd(), path) || COMMUNES_TABLE;
  if (!existsSync(path)) return { communes: [], issues: [{ file, path: '', message: 'missing file' }] };
  const [header = '', ...lines] = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  if (header !== TABLE_COLUMNS.join('\t')) return { communes: [], issues: [{ file, path: 'line 1', message: `expected the columns ${TABLE_COLUMNS.join(', ')}` }] };
  const issues: CatalogIssue[] = [];
  const communes: Commune[] = [];
  lines.forEach((line, i) => {
    const cells = line.split('\t');
    const at = `line ${i + 2}`;
    if (cells.length !== TABLE_COLUMNS.length) {
      issues.push({ file, path: at, message: `expected ${TABLE_COLUMNS.length} columns, found ${cells.length}` });
      return;
    }
    const row = Object.fromEntries(TABLE_COLUMNS.map((c, j) => [c, cells[j]!.trim()])) as Record<(typeof TABLE_COLUMNS)[number], string>;
    const words = (cell: string) => cell.split(' ').filter(Boolean);
    const names = { fr: row.name_fr || row.name_nl, ...(row.name_nl ? { nl: row.name_nl } : {}), ...(row.name_de ? { de: row.name_de } : {}) };
    const eguichet = row.eguichet_platform
      ? { platform: row.eguichet_platform, ...(row.eguichet_tenant ? { tenant: row.eguichet_tenant } : {}), ...(row.eguichet_host ? { host: row.eguichet_host } : {}), ...(row.forms_host ? { forms_host: row.forms_host } : {}) }
      : undefined;
    const parsed = CommuneSchema.safeParse({
      id: row.id,
      nis: row.nis,
      names,
      region: row.region,
      languages: words(row.languages),
      facilities: words(row.facilities),
      postal_codes: words(row.postcodes),
      ...(eguichet ? { eguichet } : {}),
      ...(row.website ? { website: row.website } : {}),
      ...(row.population_contact ? { population_contact: row.population_contact } : {}),
      provenance: row.provenance.split(' | ').filter(Boolean),
      last_verified: TABLE_VERIFIED,
    });
    if (!parsed.success) issues.push(...flattenZodIssues(parsed.error.issues).map((issue) => ({ file, path: `${at} (${row.id || row.nis}): ${fieldPath(issue.path)}`, message: issue.message })));
    else communes.push(parsed.data);
  });
  const nis = new Map<string, number>();
  const ids = new Map<string, number>();
  communes.forEach((c, i) => {
    if (nis.has(c.nis)) issues.push({ file, path: `line ${i + 2}`, message: `NIS code ${c.nis} is also on line ${nis.get(c.nis)! + 2}` });
    if (ids.has(c.id)) issues.push({ file, path: `line ${i + 2}`, message: `id ${c.id} is also on line ${ids.get(c.id)! + 2}` });
    nis.set(c.nis, i);
    ids.set(c.id, i);
  });
  if (issues.length === 0 && communes.length !== COMMUNE_COUNT) issues.push({ file, path: '', message: `expected the ${COMMUNE_COUNT} communes of 2025, found ${communes.length}` });
  return { communes, issues };
}
/** When the table's rows were checked against their sources. */
const TABLE_VERIFIED = '2026-11-23';

/**
 * A commune file adds what is known in detail (booking, desks, fees, notes) to its row, found by NIS
 * code: what the file states wins, the provenance of both is kept. A file whose NIS code is not a
 * commune of 2025, or whose id is not the row's, is an error.
 */
function mergeCommunes(rows: Commune[], detailed: Commune[], files: Map<string, string>, issues: CatalogIssue[]): Commune[] {
  if (rows.length === 0) return detailed;
  const byNis = new Map(detailed.map((c) => [c.nis, c]));
  for (const c of detailed) {
    const file = files.get(`communes:${c.id}`) ?? `catalog/communes/${c.id}.yaml`;
    const row = rows.find((r) => r.nis === c.nis);
    if (!row) issues.push({ file, path: 'nis', message: `NIS code ${c.nis} is not one of the ${COMMUNE_COUNT} communes of 2025 (${COMMUNES_TABLE})` });
    else if (row.id !== c.id) issues.push({ file, path: 'id', message: `the commune with NIS code ${c.nis} is "${row.id}" in ${COMMUNES_TABLE}` });
  }
  return rows.map((row) => {
    const file = byNis.get(row.nis);
    if (!file) return row;
    return {
      ...row,
      ...file,
      names: { ...row.names, ...file.names },
      facilities: file.facilities.length > 0 ? file.facilities : row.facilities,
      postal_codes: [...new Set([...row.postal_codes, ...file.postal_codes])].sort(),
      eguichet: file.eguichet && row.eguichet?.platform === file.eguichet.platform ? { ...row.eguichet, ...file.eguichet } : (file.eguichet ?? row.eguichet),
      provenance: [...new Set([...file.provenance, ...row.provenance])],
    } as Commune;
  });
}

function* walk(node: RequirementNode, path: string): Generator<[RequirementNode, string]> {
  yield [node, path];
  if ('allOf' in node) for (const [i, child] of node.allOf.entries()) yield* walk(child, `${path}.allOf[${i}]`);
  if ('oneOf' in node) for (const [i, child] of node.oneOf.entries()) yield* walk(child, `${path}.oneOf[${i}]`);
}

/** Every (fact, compared value) pair of a condition, to check values against the question's kind and choices. */
function conditionValues(c: Condition): Array<[string, string | number | boolean]> {
  if ('equals' in c) return [[c.fact, c.equals]];
  if ('in' in c) return c.in.map((v): [string, string | number] => [c.fact, v]);
  if ('at_least' in c) return [[c.fact, c.at_least]];
  if ('below' in c) return [[c.fact, c.below]];
  if ('not' in c) return conditionValues(c.not);
  if ('all' in c) return c.all.flatMap(conditionValues);
  if ('any' in c) return c.any.flatMap(conditionValues);
  return [];
}

function conditionFacts(c: Condition): string[] {
  if ('fact' in c) return [c.fact];
  if ('not' in c) return conditionFacts(c.not);
  if ('all' in c) return c.all.flatMap(conditionFacts);
  return c.any.flatMap(conditionFacts);
}

/**
 * A host pattern must name one organisation's site: a `*.` wildcard is refused over a public suffix
 * (`*.be`, `*.github.io`), and so is a host that is itself a public suffix. Checked with the Public
 * Suffix List (tldts), private section included.
 */
export function publicSuffixProblem(pattern: string): string | undefined {
  const host = pattern.replace(/^\[www\.\]/, '').replace(/^\*\./, '');
  const suffix = getPublicSuffix(host, { allowPrivateDomains: true });
  if (!suffix) return `${pattern}: not a host under a known public suffix`;
  if (suffix === host) return `${pattern}: ${host} is a public suffix; name the site, not every site under it`;
  return undefined;
}

/** Cross-file checks: every reference resolves, ids are unique where they must be, examples match. */
export function checkReferences(catalog: Catalog, files: Map<string, string>, repoRoot?: string): Array<CatalogIssue & { ref?: string }> {
  const issues: Array<CatalogIssue & { ref?: string }> = [];
  const fileOf = (kind: Kind, id: string) => files.get(`${kind}:${id}`) ?? `catalog/${kind}/${id}.yaml`;
  const artefacts = new Map(catalog.artefacts.map((a) => [a.id, a]));
  const procedures = new Map(catalog.procedures.map((p) => [p.id, p]));

  for (const artefact of catalog.artefacts) {
    const file = fileOf('artefacts', artefact.id);
    const seen = new Set<string>();
    artefact.sources.forEach((s, i) => {
      if (seen.has(s.id)) issues.push({ file, path: `sources[${i}].id`, message: `duplicate source id "${s.id}"` });
      seen.add(s.id);
    });
  }

  for (const procedure of catalog.procedures) {
    const file = fileOf('procedures', procedure.id);
    const facts = new Set(procedure.questions.map((q) => q.id));
    const questions = new Map(procedure.questions.map((q) => [q.id, q]));
    const checkCondition = (c: Condition | undefined, path: string) => {
      for (const fact of c ? conditionFacts(c) : []) {
        if (!facts.has(fact)) issues.push({ file, path, message: `unknown fact "${fact}": declare it under questions` });
      }
      for (const [fact, value] of c ? conditionValues(c) : []) {
        const q = questions.get(fact);
        if (q?.kind === 'choice' && !q.choices?.some((choice) => choice.id === value)) {
          issues.push({ file, path, message: `"${String(value)}" is not a choice of question "${fact}"` });
        }
        if (q?.kind === 'boolean' && typeof value !== 'boolean') issues.push({ file, path, message: `question "${fact}" is yes/no: compare it with true or false` });
        if (q?.kind === 'number' && typeof value !== 'number') issues.push({ file, path, message: `question "${fact}" is a number: compare it with a number` });
      }
    };
    procedure.questions.forEach((q, i) => {
      checkCondition(q.when, `questions[${i}].when`);
      if (q.kind === 'choice' && !q.choices?.length) issues.push({ file, path: `questions[${i}].choices`, message: 'a choice question needs choices' });
      if (q.kind !== 'choice' && q.choices) issues.push({ file, path: `questions[${i}].choices`, message: `only a choice question has choices (this one is "${q.kind}")` });
    });
    procedure.eligibility.forEach((e, i) => {
      checkCondition(e.when, `eligibility[${i}].when`);
      checkCondition(e.requires, `eligibility[${i}].requires`);
    });
    procedure.fees.forEach((f, i) => checkCondition(f.when, `fees[${i}].when`));
    procedure.delays.forEach((d, i) => checkCondition(d.when, `delays[${i}].when`));
    procedure.visits.forEach((v, i) => checkCondition(v.when, `visits[${i}].when`));
    for (const [kind, list] of [['fees', procedure.fees], ['delays', procedure.delays], ['visits', procedure.visits], ['eligibility', procedure.eligibility], ['questions', procedure.questions]] as const) {
      const seen = new Set<string>();
      list.forEach((entry, i) => {
        if (seen.has(entry.id)) issues.push({ file, path: `${kind}[${i}].id`, message: `duplicate ${kind} id "${entry.id}"` });
        seen.add(entry.id);
      });
    }
    const nodeIds = new Set<string>();
    for (const [node, path] of walk(procedure.requirements, 'requirements')) {
      if (nodeIds.has(node.id)) issues.push({ file, path: `${path}.id`, message: `duplicate requirement id "${node.id}"` });
      nodeIds.add(node.id);
      checkCondition(node.when, `${path}.when`);
      if ('artefact' in node && !artefacts.has(node.artefact)) {
        issues.push({ file, path: `${path}.artefact`, message: `unknown artefact "${node.artefact}"`, ref: `artefacts:${node.artefact}` });
      }
    }
    procedure.visits.forEach((v, i) =>
      v.bring.forEach((a, j) => {
        if (!artefacts.has(a)) issues.push({ file, path: `visits[${i}].bring[${j}]`, message: `unknown artefact "${a}"`, ref: `artefacts:${a}` });
      }),
    );
  }

  const pageIds = new Map<string, string>();
  for (const portal of catalog.portals) {
    const file = fileOf('portals', portal.id);
    if (portal.fixture && repoRoot && !existsSync(join(repoRoot, portal.fixture))) {
      issues.push({ file, path: 'fixture', message: `fixture ${portal.fixture} does not exist` });
    }
    portal.pages.forEach((page, i) => {
      const at = `pages[${i}]`;
      if (pageIds.has(page.id)) issues.push({ file, path: `${at}.id`, message: `duplicate page id "${page.id}" (also in ${pageIds.get(page.id)})` });
      pageIds.set(page.id, file);
      page.serves.forEach((s, j) => {
        const artefact = artefacts.get(s.artefact);
        if (!artefact) issues.push({ file, path: `${at}.serves[${j}].artefact`, message: `unknown artefact "${s.artefact}"`, ref: `artefacts:${s.artefact}` });
        else if (s.source !== undefined && !artefact.sources.some((src) => src.id === s.source)) {
          issues.push({ file, path: `${at}.serves[${j}].source`, message: `artefact "${s.artefact}" has no source "${s.source}"` });
        }
      });
      const hosts = pageHosts(portal, page, catalog.communes).map((h) => h.host);
      if (hosts.length === 0) issues.push({ file, path: `${at}.hosts`, message: 'the page has no host (no fixed host, and no commune of the portal has one)' });
      if (page.commune_hosts && !portal.communes) issues.push({ file, path: `${at}.commune_hosts`, message: 'commune hosts need the portal to say which communes it applies to (communes:)' });
      page.hosts.forEach((pattern, j) => {
        const problem = publicSuffixProblem(pattern);
        if (problem) issues.push({ file, path: `${at}.hosts[${j}]`, message: problem });
      });
      const servedIds = new Set(page.serves.map((s) => s.artefact));
      for (const [key, artefact] of Object.entries(page.forms?.keys ?? {})) {
        if (!servedIds.has(artefact)) issues.push({ file, path: `${at}.forms.keys.${key}`, message: `artefact "${artefact}" is not one this page serves` });
      }
      page.examples.forEach((example, j) => {
        const url = new URL(example);
        const ok =
          hosts.some((h) => hostMatches(h, url.hostname)) &&
          page.paths.some((p) => pathMatches(p, url.pathname)) &&
          !page.except_paths.some((p) => pathMatches(p, url.pathname));
        if (!ok) issues.push({ file, path: `${at}.examples[${j}]`, message: `example ${example} does not match the page's hosts and paths` });
      });
    });
  }

  const lexiconFile = files.get('lexicon:lexicon') ?? 'catalog/lexicon.yaml';
  for (const artefact of Object.keys(catalog.lexicon.artefacts)) {
    if (!artefacts.has(artefact)) issues.push({ file: lexiconFile, path: `artefacts.${artefact}`, message: `unknown artefact "${artefact}"` });
  }
  const termOwner = new Map<string, string>();
  const allTerms = [
    ...Object.entries(catalog.lexicon.artefacts).flatMap(([owner, terms]) => terms.map((t) => [owner, t.term] as const)),
    ...Object.entries(catalog.lexicon.topics).flatMap(([owner, topic]) => topic.terms.map((t) => [`topic:${owner}`, t.term] as const)),
  ];
  for (const [owner, term] of allTerms) {
    const key = squash(term);
    const other = termOwner.get(key);
    if (other && other !== owner) issues.push({ file: lexiconFile, path: owner, message: `"${term}" also names ${other}: a name must point to one thing` });
    termOwner.set(key, owner);
  }

  for (const commune of catalog.communes) {
    const file = fileOf('communes', commune.id);
    commune.fee_overrides.forEach((o, i) => {
      const procedure = procedures.get(o.procedure);
      if (!procedure) issues.push({ file, path: `fee_overrides[${i}].procedure`, message: `unknown procedure "${o.procedure}"`, ref: `procedures:${o.procedure}` });
      else if (!procedure.fees.some((f) => f.id === o.fee)) {
        issues.push({ file, path: `fee_overrides[${i}].fee`, message: `procedure "${o.procedure}" has no fee "${o.fee}"` });
      }
    });
    commune.booking.forEach((b, i) =>
      b.services.forEach((s, j) => {
        const procedure = procedures.get(s.for);
        if (!procedure) issues.push({ file, path: `booking[${i}].services[${j}].for`, message: `unknown procedure "${s.for}"`, ref: `procedures:${s.for}` });
        else if (s.visit && !procedure.visits.some((v) => v.id === s.visit)) {
          issues.push({ file, path: `booking[${i}].services[${j}].visit`, message: `procedure "${s.for}" has no visit "${s.visit}"` });
        }
      }),
    );
  }
  const nis = new Map<string, string>();
  for (const commune of catalog.communes) {
    const file = fileOf('communes', commune.id);
    if (nis.has(commune.nis)) issues.push({ file, path: 'nis', message: `NIS code ${commune.nis} is also used by ${nis.get(commune.nis)}` });
    nis.set(commune.nis, file);
  }
  return issues;
}
