/**
 * Recognition: which catalog portal pages does this URL (and, when given, this page's DOM) belong to?
 * Pure and small, because it runs in the content script on every catalog page: the index is keyed by
 * host, then by the first path segment, so a page only tests the handful of rules that can apply
 * (no scan of the whole catalog), and DOM signals are probed only for those candidates.
 */

/** Bumped whenever the compiled shape changes, so a stale generated index is caught at load. */
export const RECOGNITION_FORMAT = 1;

export interface Signals {
  /** A case-insensitive regular expression the document title must match. */
  title?: string;
  /** Text that one of the page's h1–h3 headings must contain (case-insensitive). */
  heading?: string;
  /** A CSS selector that must match at least one element. */
  selector?: string;
}

export interface Rule {
  page: string;
  portal: string;
  path: string;
  signals?: Signals;
}

/** Rule indices of one host, bucketed by the first path segment ('*' when the pattern starts with a wildcard). */
export type SegmentBuckets = Record<string, number[]>;

export interface RecognitionIndex {
  format: number;
  rules: Rule[];
  /** Exact host → buckets. */
  hosts: Record<string, SegmentBuckets>;
  /** Host suffix of a `*.suffix` pattern → buckets. */
  wildcards: Record<string, SegmentBuckets>;
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
}

const WILDCARD = '*';

export function firstSegment(pathPattern: string): string {
  const seg = pathPattern.split('/')[1] ?? '';
  return seg.includes('*') ? WILDCARD : seg;
}

/** Builds the index from flat rules. Used at compile time and by the benchmark's synthetic catalogs. */
export function buildIndex(rules: Array<Rule & { hosts: string[] }>): RecognitionIndex {
  const index: RecognitionIndex = { format: RECOGNITION_FORMAT, rules: [], hosts: {}, wildcards: {} };
  for (const { hosts, ...rule } of rules) {
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
    const wanted = signals.heading.toLowerCase();
    if (!probe.headings().some((h) => h.toLowerCase().includes(wanted))) return false;
  }
  if (signals.selector !== undefined && !probe.has(signals.selector)) return false;
  return true;
}

function specificity(rule: Rule): number {
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

/** The rules whose host and path fit the URL, before any DOM signal is looked at. */
function pathRules(index: RecognitionIndex, url: string | URL): Rule[] {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return [];
  }
  if (parsed.protocol !== 'https:') return [];
  const path = parsed.pathname;
  const rules: Rule[] = [];
  for (const at of candidates(index, parsed.hostname.toLowerCase(), firstSegment(path))) {
    const rule = index.rules[at]!;
    if (pathMatches(rule.path, path)) rules.push(rule);
  }
  return rules;
}

/**
 * The catalog pages this URL belongs to, most specific first. A rule with DOM signals only matches
 * when a probe is given and every signal holds; without a probe those rules are left out.
 */
export function recognise(index: RecognitionIndex, url: string | URL, probe?: PageProbe): Recognition[] {
  const hits: Rule[] = [];
  let asked: PageProbe | undefined;
  for (const rule of pathRules(index, url)) {
    if (hits.some((hit) => hit.page === rule.page)) continue;
    if (rule.signals) {
      if (!probe) continue;
      // A live page's probe walks the DOM: read each answer once per recognition, however many rules ask.
      asked ??= once(probe);
      if (!signalsHold(rule.signals, asked)) continue;
    }
    hits.push(rule);
  }
  if (hits.length > 1) hits.sort((a, b) => specificity(b) - specificity(a));
  return hits.map(({ page, portal }) => ({ page, portal }));
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
 * Whether a rule for this URL waits on DOM signals: on such a URL a page that renders late may still
 * turn out to be a catalog page, so the content script keeps looking for a bounded while.
 */
export function awaitsSignals(index: RecognitionIndex, url: string | URL): boolean {
  return pathRules(index, url).some((rule) => rule.signals !== undefined);
}
