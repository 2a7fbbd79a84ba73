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
import { Intents, KINDS, ProvenanceLabels, Lexicon as LexiconSchema, type Kind, type RequirementNode, type Condition } from './schema';
import { fieldPath, flattenZodIssues } from './zod-issues';
import { mergeCommunes, readCommuneTable } from './load-communes';
import { checkBooking } from './load-booking';
import { hostMatches, pathMatches, squash } from '../recognise';
import { pageHosts } from './portal-platforms';

const LEXICON_FILE = 'lexicon.yaml';

export type { Catalog, CatalogIssue } from './types';
import type { Catalog, CatalogIssue } from './types';

/** The one file that names the seed documents for people. */
export const PROVENANCE_FILE = 'provenance.yaml';
/** The one file that lists the set-up's intents. */
export const INTENTS_FILE = 'intents.yaml';

/** The Catalog field that holds each kind's entries (the folder name, as an identifier). */
const FIELD = {
  procedures: 'procedures',
  artefacts: 'artefacts',
  portals: 'portals',
  communes: 'communes',
  'booking-platforms': 'platforms',
  consulates: 'consulates',
} as const satisfies Record<Kind, keyof Catalog>;

export function formatIssue(issue: CatalogIssue): string {
  return `${issue.file}: ${issue.path || '(file)'}: ${issue.message}`;
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
  const catalog: Catalog = { procedures: [], artefacts: [], portals: [], communes: [], platforms: [], consulates: [], lexicon: { artefacts: {}, topics: {}, last_verified: '1970-01-01' } };
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
      (catalog[FIELD[kind]] as unknown[]).push(result.value);
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
  const labelsPath = join(root, PROVENANCE_FILE);
  const labelsFile = relative(process.cwd(), labelsPath) || PROVENANCE_FILE;
  if (!existsSync(labelsPath)) issues.push({ file: labelsFile, path: '', message: 'missing file: every seed needs a human name' });
  else {
    const doc = parseDocument(readFileSync(labelsPath, 'utf8'), { prettyErrors: true, uniqueKeys: true });
    const parsed = ProvenanceLabels.safeParse(doc.toJS());
    if (doc.errors.length > 0) issues.push(...doc.errors.map((e) => ({ file: labelsFile, path: '', message: `YAML: ${e.message.split('\n')[0]}` })));
    else if (!parsed.success) issues.push(...flattenZodIssues(parsed.error.issues).map((i) => ({ file: labelsFile, path: fieldPath(i.path), message: i.message })));
    else catalog.provenance = parsed.data.seeds;
  }
  const intentsPath = join(root, INTENTS_FILE);
  if (existsSync(intentsPath)) {
    const intentsFile = relative(process.cwd(), intentsPath) || INTENTS_FILE;
    const doc = parseDocument(readFileSync(intentsPath, 'utf8'), { prettyErrors: true, uniqueKeys: true });
    const parsed = Intents.safeParse(doc.toJS());
    if (doc.errors.length > 0) issues.push(...doc.errors.map((e) => ({ file: intentsFile, path: '', message: `YAML: ${e.message.split('\n')[0]}` })));
    else if (!parsed.success) issues.push(...flattenZodIssues(parsed.error.issues).map((i) => ({ file: intentsFile, path: fieldPath(i.path), message: i.message })));
    else {
      catalog.intents = parsed.data.intents;
      const known = new Set(catalog.procedures.map((p) => p.id));
      parsed.data.intents.forEach((intent, i) =>
        intent.procedures.forEach((p, j) => {
          if (!known.has(p)) issues.push({ file: intentsFile, path: `intents[${i}].procedures[${j}]`, message: `unknown procedure "${p}"` });
        }),
      );
    }
  }
  issues.push(...checkReferences(catalog, files, options.repoRoot).filter((i) => !(i.ref && broken.has(i.ref))).map(({ ref: _, ...issue }) => issue));
  return { catalog, issues, files };
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
    if (procedure.applicants && questions.get(procedure.applicants)?.kind !== 'number') {
      issues.push({ file, path: 'applicants', message: `"${procedure.applicants}" must be a number question of this procedure` });
    }
    procedure.fees.forEach((f, i) => {
      if (f.per_person && !procedure.applicants) issues.push({ file, path: `fees[${i}].per_person`, message: 'a per-person fee needs the procedure to name its applicants question' });
    });
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
    const listed = new Set<string>();
    for (const [node, path] of walk(procedure.requirements, 'requirements')) {
      if (nodeIds.has(node.id)) issues.push({ file, path: `${path}.id`, message: `duplicate requirement id "${node.id}"` });
      nodeIds.add(node.id);
      checkCondition(node.when, `${path}.when`);
      if (node.accepts) listed.add(node.id);
      if ('artefact' in node && !artefacts.has(node.artefact)) {
        issues.push({ file, path: `${path}.artefact`, message: `unknown artefact "${node.artefact}"`, ref: `artefacts:${node.artefact}` });
      }
    }
    procedure.questions.forEach((q, i) => {
      if (q.lists && !listed.has(q.lists)) issues.push({ file, path: `questions[${i}].lists`, message: `no requirement "${q.lists}" with an accepts list` });
    });
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
  }
  issues.push(...checkBooking(catalog, (kind, id) => fileOf(kind, id), repoRoot));
  if (catalog.provenance) {
    const named = new Set(catalog.provenance.map((p) => p.ref));
    const cited = new Map<string, string>();
    const cite = (refs: string[], file: string) => refs.filter((r) => r.startsWith('seeds/')).forEach((r) => cited.has(r) || cited.set(r, file));
    for (const p of catalog.procedures) cite(p.provenance, fileOf('procedures', p.id));
    for (const a of catalog.artefacts) [a, ...a.sources].forEach((x) => cite(x.provenance, fileOf('artefacts', a.id)));
    for (const p of catalog.portals) [p, ...p.pages].forEach((x) => cite(x.provenance, fileOf('portals', p.id)));
    for (const c of catalog.communes) cite(c.provenance, fileOf('communes', c.id));
    for (const c of catalog.consulates) cite(c.provenance, fileOf('consulates', c.id));
    for (const p of catalog.platforms) cite(p.provenance, fileOf('booking-platforms', p.id));
    for (const [ref, file] of cited) {
      if (!named.has(ref)) issues.push({ file, path: 'provenance', message: `${ref} has no human name in catalog/${PROVENANCE_FILE}` });
    }
  }
  const nis = new Map<string, string>();
  for (const commune of catalog.communes) {
    const file = fileOf('communes', commune.id);
    if (nis.has(commune.nis)) issues.push({ file, path: 'nis', message: `NIS code ${commune.nis} is also used by ${nis.get(commune.nis)}` });
    nis.set(commune.nis, file);
  }
  return issues;
}
