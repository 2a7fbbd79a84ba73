/**
 * Recognition speed: the median time of one recognise() call (URL + DOM probe) against the real
 * compiled catalog, against synthetic catalogs 10× and 100× its size, and against exactly 1,000 rules.
 * Synthetic rules are copies of the real ones: half on new hosts (more portals and communes), half on
 * the real hosts under new first path segments (more pages per portal), signals included, so both the
 * host table and the per-host buckets grow. The queries are URLs of every rule plus misses (unknown
 * paths on known hosts, unknown hosts). Reported with the ratio to 1×: it must grow far slower than the
 * catalog.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, recognise, type PageProbe, type RecognitionIndex, type Rule } from '../src/recognise';
import { loadCatalog } from '../src/catalog/load';
import { compileRecognition } from '../src/catalog/compile';
import type { Bench, BenchResult } from './types';

type HostedRule = Rule & { hosts: string[] };

function realRules(index: RecognitionIndex): HostedRule[] {
  const hosts = new Map<number, string[]>();
  const add = (table: Record<string, Record<string, number[]>>, prefix: string) => {
    for (const [host, buckets] of Object.entries(table)) {
      for (const at of Object.values(buckets).flat()) hosts.set(at, [...new Set([...(hosts.get(at) ?? []), prefix + host])]);
    }
  };
  add(index.hosts, '');
  add(index.wildcards, '*.');
  return index.rules.map(({ except, forms, ...rule }, at) => ({
    ...rule,
    ...(except !== undefined ? { except: index.excepts[except]! } : {}),
    ...(forms !== undefined ? { forms: index.forms[forms]! } : {}),
    hosts: hosts.get(at) ?? [],
  }));
}

function scaled(real: HostedRule[], total: number): HostedRule[] {
  const rules = [...real];
  for (let copy = 1; rules.length < total; copy++) {
    for (const rule of real) {
      if (rules.length >= total) break;
      const onNewHost = rules.length % 2 === 0;
      rules.push(
        onNewHost
          ? { ...rule, page: `${rule.page}-${copy}`, hosts: rule.hosts.map((h) => (h.startsWith('*.') ? `*.c${copy}-${h.slice(2)}` : `c${copy}.${h}`)) }
          : { ...rule, page: `${rule.page}-${copy}`, path: `/s${copy}${rule.path === '/' ? '' : rule.path}` },
      );
    }
  }
  return rules;
}

/** A URL each rule matches (wildcards filled in), plus misses on known and unknown hosts. */
function queries(rules: HostedRule[]): string[] {
  const urls: string[] = [];
  for (const rule of rules) {
    const host = rule.hosts[0]!.replace(/^\*\./, 'commune.');
    const path = rule.path.replace(/\*\*/g, 'a/b').replace(/\*/g, 'x');
    urls.push(`https://${host}${path}`, `https://${host}/nowhere/${urls.length}`);
  }
  urls.push('https://example.org/fr', 'https://www.google.com/search', 'https://guichet-citoyen.be.evil.com/x');
  return urls;
}

const probe: PageProbe = {
  title: () => 'Composition de ménage — IRISbox',
  headings: () => ['Mon DOSSIER', 'Attestations électroniques', 'Choisissez une attestation'],
  has: () => false,
};

/** µs per recognise() call over one batch of every query (repeated to about 20,000 calls). */
function batchMicros(index: RecognitionIndex, urls: string[]): number {
  const repeat = Math.max(1, Math.round(20_000 / urls.length));
  const start = performance.now();
  let hits = 0;
  for (let r = 0; r < repeat; r++) for (const url of urls) hits += recognise(index, url, probe).length;
  const micros = ((performance.now() - start) * 1000) / (repeat * urls.length);
  if (hits === 0) throw new Error('the benchmark recognised nothing: its queries are wrong');
  return micros;
}

/**
 * Every one of the 565 communes in the index: the real catalog, where each commune without an
 * evidenced site gets a stand-in website (Flemish product pages, Walloon and Brussels commune pages)
 * and each Walloon one an iMio tenant, so the host table holds every commune's hosts at once.
 */
function everyCommuneIndex(): { index: RecognitionIndex; urls: Array<{ url: string; probe?: PageProbe }>; hosts: number } {
  const { catalog } = loadCatalog(join(import.meta.dirname, '../catalog'));
  const communes = catalog.communes.map((c) => {
    if (c.website) return c;
    const website = `https://www.${c.id}.example.be/`;
    if (c.region === 'flanders') return { ...c, website, eguichet: { platform: 'e-loket' as const } };
    return { ...c, website, ...(c.eguichet ? {} : { eguichet: { platform: 'imio' as const, tenant: c.id.replace(/-/g, '') } }) };
  });
  const index = compileRecognition({ ...catalog, communes });
  const corpus = readFileSync(join(import.meta.dirname, '../tests/fixtures/real-urls.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const textProbe = (text: string): PageProbe => ({ title: () => text, headings: () => [text], has: () => false });
  const urls: Array<{ url: string; probe?: PageProbe }> = corpus.map(([url = '', , , , text = '']) => ({ url: url.replace(/^http:/, 'https:'), ...(text ? { probe: textProbe(text) } : {}) }));
  for (const c of communes) {
    const host = new URL(c.website!).hostname;
    urls.push({ url: `https://${host}/attest-van-gezinssamenstelling` }, { url: `https://${host}/nieuws/zomerfeest`, probe: textProbe('Zomerfeest') });
    if (c.eguichet?.tenant) urls.push({ url: `https://${c.eguichet.tenant}-formulaires.guichet-citoyen.be/v2-demande-composition-de-menage/` }, { url: `https://${c.eguichet.tenant}-formulaires.guichet-citoyen.be/f12/`, probe });
  }
  return { index, urls, hosts: Object.keys(index.hosts).length };
}

/**
 * Median and 99th percentile of single recognise() calls, in µs, over every query many times; and the
 * lowest median of one round, the figure least disturbed by other work on a shared machine.
 */
function perCall(index: RecognitionIndex, urls: Array<{ url: string; probe?: PageProbe }>, rounds: number): { median: number; p99: number; calls: number; quietest: number } {
  const times: number[] = [];
  let quietest = Infinity;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (let r = 0; r < rounds + 2; r++) {
    const round: number[] = [];
    for (const { url, probe: p } of urls) {
      const start = performance.now();
      recognise(index, url, p);
      round.push((performance.now() - start) * 1000);
    }
    if (r < 2) continue;
    times.push(...round);
    quietest = Math.min(quietest, median(round));
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p99: times[Math.floor(times.length * 0.99)]!, calls: times.length, quietest };
}

const bench: Bench = async ({ quick }) => {
  const every = everyCommuneIndex();
  const single = perCall(every.index, every.urls, quick ? 2 : 30);
  const communes: BenchResult = {
    name: 'recognition per call, every commune in the index',
    value: single.median,
    unit: 'µs',
    detail: { p99: single.p99.toFixed(3), 'quietest round median': single.quietest.toFixed(3), calls: single.calls, rules: every.index.rules.length, hosts: every.hosts, 'budget median': 5, 'budget p99': 50 },
  };
  const compiled = JSON.parse(readFileSync(join(import.meta.dirname, '../src/catalog/generated/recognition.json'), 'utf8')) as RecognitionIndex;
  const real = realRules(compiled);
  const batches = quick ? 3 : 40;
  const sizes = [
    { label: '1x', total: real.length },
    { label: '10x', total: real.length * 10 },
    { label: '100x', total: real.length * 100 },
    { label: '1000 rules', total: 1000 },
  ].map((size) => {
    const rules = scaled(real, size.total);
    return { ...size, rules: rules.length, index: buildIndex(rules, compiled.lexicon), urls: queries(rules), times: [] as number[] };
  });
  // Sizes take turns batch by batch, so a busy moment of the machine weighs on all of them alike;
  // the first two rounds warm the JIT and the pattern cache and are dropped.
  for (let b = 0; b < batches + 2; b++) {
    for (const size of sizes) {
      const micros = batchMicros(size.index, size.urls);
      if (b >= 2) size.times.push(micros);
    }
  }
  const stat = (times: number[], q: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * q))]!;
  const base = stat(sizes[0]!.times, 0.5);
  return [communes, ...sizes.map(({ label, rules, times }) => ({
    name: `recognition median, ${label} catalog`,
    value: stat(times, 0.5),
    unit: 'µs',
    detail: { rules, p95: stat(times, 0.95).toFixed(3), 'ratio to 1x': (stat(times, 0.5) / base).toFixed(2), 'catalog ratio': (rules / real.length).toFixed(0) },
  }))];
};

export default bench;
