/**
 * Recognition: which catalog portal page does this URL (and, when given, this page's DOM) belong to,
 * and on a portal with many forms, which one form is it? Pure and small, because it runs in the
 * content script on every catalog page: the index is keyed by host, then by the first path segment,
 * so a page only tests the handful of rules that can apply (no scan of the whole catalog), and DOM
 * signals are probed only for those candidates. The form comes from the catalog's lexicon (artefact
 * names in fr/nl/de/en) read in the URL's path, then in the title, then in the headings.
 */

/** Bumped whenever the compiled shape changes, so a stale generated index is caught at load. */
export const RECOGNITION_FORMAT = 2;

export interface Signals {
  /** A case-insensitive regular expression the document title must match. */
  title?: string;
  /** Text that one of the page's h1–h3 headings must contain (case-insensitive); `a|b` for either. */
  heading?: string;
  /** A CSS selector that must match at least one element. */
  selector?: string;
}

/** How a page of a multi-form portal tells which form it is. */
export interface FormRule {
  /** Codes in the URL's query or fragment that name a form (e.g. a tab id) → its artefact. */
  keys?: Record<string, string>;
  /** Without a form found, the URL is not this page (e.g. a commune site's product pages). */
  required?: boolean;
  /** The artefacts this page may be the form of; a lexicon hit outside them is no form here. */
  artefacts: string[];
}

/** A rule as the catalog states it. */
export interface Rule {
  page: string;
  portal: string;
  path: string;
  /** Paths under this rule's pattern that are never this page (a back office, an API). */
  except?: string[];
  signals?: Signals;
  forms?: FormRule;
}

/** A rule in the index: its `except` list and form rule are shared by the page's rules (by position). */
export type IndexedRule = Omit<Rule, 'except' | 'forms'> & { except?: number; forms?: number };

/** Rule indices of one host, bucketed by the first path segment ('*' when the pattern starts with a wildcard). */
export type SegmentBuckets = Record<string, number[]>;

export interface RecognitionIndex {
  format: number;
  rules: IndexedRule[];
  /** The rules' `except` lists and form rules, each stored once however many rules share it. */
  excepts: string[][];
  forms: FormRule[];
  /** Exact host → buckets. */
  hosts: Record<string, SegmentBuckets>;
  /** Host suffix of a `*.suffix` pattern → buckets. */
  wildcards: Record<string, SegmentBuckets>;
  /**
   * The lexicon, as [squashed term, id], longest term first: an id is an artefact, or a topic
   * (`topic:…`) that marks a page as a procedure page without naming one document.
   */
  lexicon: Array<[string, string]>;
}

/** What the recogniser may ask of a live page; the content script adapts the DOM to it, the CLI an HTML file. */
export interface PageProbe {
  title(): string;
  headings(): string[];
  has(selector: string): boolean;
}

/** What a `heading` signal looks at. */
export const HEADING_SELECTOR = 'h1, h2, h3';

/** The smallest document this module can probe: a browser's, or a parsed HTML file's (CLI, tests). */
export interface ProbeableDocument {
  title: string;
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

/** A probe over a plain document. A selector the document cannot parse counts as absent. */
export function probeOf(document: ProbeableDocument): PageProbe {
  return {
    title: () => document.title ?? '',
    headings: () => Array.from(document.querySelectorAll(HEADING_SELECTOR), (h) => h.textContent ?? ''),
    has: (selector) => {
      try {
        return document.querySelector(selector) !== null;
      } catch {
        return false;
      }
    },
  };
}

export interface Recognition {
  page: string;
  portal: string;
  /** On a multi-form portal: the one artefact this form serves. */
  form?: string;
}

const WILDCARD = '*';
const TOPIC = 'topic:';

export function firstSegment(pathPattern: string): string {
  const seg = pathPattern.split('/')[1] ?? '';
  return seg.includes('*') ? WILDCARD : seg;
}

/**
 * Lower case, no accents, letters and digits only: "Attest%20van%20Woonst", "attest-van-woonst" and
 * "attestvanwoonst" all read "attestvanwoonst". Used for the lexicon at build time and on pages.
 */
export function squash(text: string): string {
  // Most addresses and titles are plain ASCII: one pass, no Unicode normalisation.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += text[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c > 127) return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  }
  return out;
}

/** Builds the index from flat rules. Used at compile time and by the benchmark's synthetic catalogs. */
export function buildIndex(rules: Array<Rule & { hosts: string[] }>, lexicon: Array<[string, string]> = []): RecognitionIndex {
  const terms = lexicon.map(([term, id]): [string, string] => [squash(term), id]).filter(([term]) => term.length > 0);
  terms.sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  const index: RecognitionIndex = { format: RECOGNITION_FORMAT, rules: [], excepts: [], forms: [], hosts: {}, wildcards: {}, lexicon: terms };
  const seen = new Map<unknown[], Map<string, number>>([
    [index.excepts, new Map()],
    [index.forms, new Map()],
  ]);
  const intern = <T>(list: T[], value: T): number => {
    const positions = seen.get(list)!;
    const key = JSON.stringify(value);
    let at = positions.get(key);
    if (at === undefined) positions.set(key, (at = list.push(value) - 1));
    return at;
  };
  for (const { hosts, except, forms, ...rest } of rules) {
    const rule: IndexedRule = { ...rest, ...(except ? { except: intern(index.excepts, except) } : {}), ...(forms ? { forms: intern(index.forms, forms) } : {}) };
    const at = index.rules.push(rule) - 1;
    for (const host of hosts) {
      const table = host.startsWith('*.') ? index.wildcards : index.hosts;
      const key = host.startsWith('*.') ? host.slice(2) : host;
      const buckets = (table[key] ??= {});
      (buckets[firstSegment(rule.path)] ??= []).push(at);
    }
  }
  return index;
}

const patternCache = new Map<string, RegExp>();

/** `*` stays within a path segment, `**` crosses segments; a trailing slash on the URL is ignored. */
export function pathMatches(pattern: string, path: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern
      .replace(/\/+$/, '')
      .split(/(\*\*|\*)/)
      .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}/?$`);
    patternCache.set(pattern, re);
  }
  return re.test(path);
}

export function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

const titleCache = new Map<string, RegExp>();

export function signalsHold(signals: Signals, probe: PageProbe): boolean {
  if (signals.title !== undefined) {
    let re = titleCache.get(signals.title);
    if (!re) titleCache.set(signals.title, (re = new RegExp(signals.title, 'i')));
    if (!re.test(probe.title())) return false;
  }
  if (signals.heading !== undefined) {
    const wanted = signals.heading.toLowerCase().split('|');
    if (!probe.headings().some((h) => wanted.some((w) => h.toLowerCase().includes(w)))) return false;
  }
  if (signals.selector !== undefined && !probe.has(signals.selector)) return false;
  return true;
}

function specificity(rule: IndexedRule): number {
  return (rule.signals ? 10_000 : 0) + rule.path.replace(/\*/g, '').length;
}

function candidates(index: RecognitionIndex, host: string, segment: string): number[] {
  const found: number[] = [];
  const take = (buckets: SegmentBuckets | undefined) => {
    if (!buckets) return;
    const exact = buckets[segment];
    if (exact) found.push(...exact);
    const any = buckets[WILDCARD];
    if (any) found.push(...any);
  };
  take(index.hosts[host]);
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    take(index.wildcards[host.slice(dot + 1)]);
  }
  return found;
}

function parse(url: string | URL): URL | undefined {
  try {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    return parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The rules whose host and path fit the URL, before any DOM signal is looked at. */
function pathRules(index: RecognitionIndex, parsed: URL): IndexedRule[] {
  const path = parsed.pathname;
  const rules: IndexedRule[] = [];
  for (const at of candidates(index, parsed.hostname.toLowerCase(), firstSegment(path))) {
    const rule = index.rules[at]!;
    if (pathMatches(rule.path, path) && !(rule.except !== undefined && index.excepts[rule.except]!.some((p) => pathMatches(p, path)))) rules.push(rule);
  }
  return rules;
}

/** Lexicon terms by their first three letters, built once per index: a text is scanned once, not once per term. */
const PREFIX = 3;
/** Squashed text is ASCII letters and digits: three of them make a number key, with no substring made. */
const keyAt = (text: string, at: number) => (text.charCodeAt(at) << 16) | (text.charCodeAt(at + 1) << 8) | text.charCodeAt(at + 2);
const byPrefix = new WeakMap<RecognitionIndex, Map<number, Array<[string, string]>>>();
function lexiconTable(index: RecognitionIndex): Map<number, Array<[string, string]>> {
  let table = byPrefix.get(index);
  if (!table) {
    table = new Map();
    // The lexicon is sorted longest first, so each bucket is too.
    for (const entry of index.lexicon) {
      if (entry[0].length < PREFIX) continue;
      const key = keyAt(entry[0], 0);
      const bucket = table.get(key);
      if (bucket) bucket.push(entry);
      else table.set(key, [entry]);
    }
    byPrefix.set(index, table);
  }
  return table;
}

/** The longest lexicon term in `text`: an artefact of `allowed`, else a topic; undefined when none. */
function lexiconHit(index: RecognitionIndex, text: string, allowed: readonly string[]): string | undefined {
  const table = lexiconTable(index);
  let best: [string, string] | undefined;
  let topic: [string, string] | undefined;
  for (let at = 0; at + PREFIX <= text.length; at++) {
    const bucket = table.get(keyAt(text, at));
    if (!bucket) continue;
    for (const entry of bucket) {
      const [term, id] = entry;
      if ((best && term.length <= best[0].length) || !text.startsWith(term, at)) continue;
      if (id.startsWith(TOPIC)) {
        if (!topic || term.length > topic[0].length) topic = entry;
      } else if (allowed.includes(id)) best = entry;
    }
  }
  return best?.[1] ?? topic?.[1];
}

function decoded(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

type FormAnswer = { form?: string; found: boolean; needsDom: boolean };

/** The texts a form is read from, squashed once per recognition however many rules look at them. */
interface Texts {
  path(): string;
  page(): string[] | undefined;
}

function textsOf(parsed: URL, probe: PageProbe | undefined): Texts {
  let path: string | undefined;
  let page: string[] | undefined;
  return {
    path: () => (path ??= squash(decoded(parsed.pathname))),
    page: () => (probe ? (page ??= [probe.title(), ...probe.headings()].map(squash)) : undefined),
  };
}

/**
 * Which form of `rule` the URL (then the page) names. `found` is false when nothing in the lexicon
 * matched at all (not even a topic); `needsDom` when the URL alone named no artefact and the page's
 * texts were not (or not yet) looked at.
 */
function formOf(index: RecognitionIndex, rule: FormRule, parsed: URL, texts: Texts): FormAnswer {
  if (rule.keys) {
    for (const token of [parsed.hash.slice(1), ...parsed.searchParams.values()]) {
      const artefact = rule.keys[token];
      if (artefact) return { form: artefact, found: true, needsDom: false };
    }
  }
  let topic = false;
  const read = (text: string): string | undefined => {
    const hit = lexiconHit(index, text, rule.artefacts);
    if (hit?.startsWith(TOPIC)) topic = true;
    return hit && !hit.startsWith(TOPIC) ? hit : undefined;
  };
  const fromPath = read(texts.path());
  if (fromPath) return { form: fromPath, found: true, needsDom: false };
  const page = texts.page();
  if (!page) return { found: topic, needsDom: true };
  const fromPage = page.reduce<string | undefined>((hit, text) => hit ?? read(text), undefined);
  return fromPage ? { form: fromPage, found: true, needsDom: false } : { found: topic, needsDom: false };
}

/**
 * The catalog pages this URL belongs to, most specific first. A rule with DOM signals only matches
 * when a probe is given and every signal holds; without a probe those rules are left out. A page
 * whose form is required and not found in the URL (nor, with a probe, in the page) is left out too.
 */
export function recognise(index: RecognitionIndex, url: string | URL, probe?: PageProbe): Recognition[] {
  const parsed = parse(url);
  if (!parsed) return [];
  const hits: Array<{ rule: IndexedRule; form?: string }> = [];
  let asked: PageProbe | undefined;
  let texts: Texts | undefined;
  for (const rule of pathRules(index, parsed)) {
    if (hits.some((hit) => hit.rule.page === rule.page)) continue;
    if (rule.signals) {
      if (!probe) continue;
      // A live page's probe walks the DOM: read each answer once per recognition, however many rules ask.
      asked ??= once(probe);
      if (!signalsHold(rule.signals, asked)) continue;
    }
    let form: string | undefined;
    if (rule.forms !== undefined) {
      const forms = index.forms[rule.forms]!;
      if (probe) asked ??= once(probe);
      texts ??= textsOf(parsed, asked);
      const answer = formOf(index, forms, parsed, texts);
      if (forms.required && !answer.found) continue;
      form = answer.form;
    }
    hits.push(form ? { rule, form } : { rule });
  }
  if (hits.length > 1) hits.sort((a, b) => specificity(b.rule) - specificity(a.rule));
  return hits.map(({ rule, form }) => (form ? { page: rule.page, portal: rule.portal, form } : { page: rule.page, portal: rule.portal }));
}

function once(probe: PageProbe): PageProbe {
  let title: string | undefined;
  let headings: string[] | undefined;
  const has = new Map<string, boolean>();
  return {
    title: () => (title ??= probe.title()),
    headings: () => (headings ??= probe.headings()),
    has: (selector) => {
      let found = has.get(selector);
      if (found === undefined) has.set(selector, (found = probe.has(selector)));
      return found;
    },
  };
}

/**
 * Whether the answer for this URL may still change once the DOM has rendered: a rule waits on DOM
 * signals, or a multi-form page's URL does not name its form. The content script then keeps looking
 * for a bounded while (IRISbox and CSAM render late).
 */
export function awaitsSignals(index: RecognitionIndex, url: string | URL): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const texts = textsOf(parsed, undefined);
  return pathRules(index, parsed).some((rule) => rule.signals !== undefined || (rule.forms !== undefined && formOf(index, index.forms[rule.forms]!, parsed, texts).needsDom));
}
