/**
 * The corpus of real portal URLs (tests/fixtures/real-urls.tsv): every line is a URL seen in a stored
 * public page or public code (or composed from evidenced parts, and marked so), with the catalog page
 * and artefact it must be recognised as, or `none` for look-alikes, non-production tenants and back
 * offices that must never match. The whole corpus runs through the recogniser and through the catalog
 * CLI's answer function, which must agree.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog, formatIssue } from '../../src/catalog/load';
import { compileCatalog, compileRecognition } from '../../src/catalog/compile';
import { answerFor } from '../../src/catalog/answer';
import { recognise, type PageProbe } from '../../src/recognise';

const ROOT = resolve(import.meta.dirname, '../..');
const loaded = loadCatalog(join(ROOT, 'catalog'));
const compiled = compileCatalog(loaded.catalog);
const index = compileRecognition(loaded.catalog);

interface Row {
  url: string;
  expect: string;
  artefact: string;
  family: string;
  pageText: string;
  evidence: string;
}
const rows: Row[] = readFileSync(join(ROOT, 'tests/fixtures/real-urls.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [url = '', expect = '', artefact = '', family = '', pageText = '', evidence = ''] = line.split('\t');
    return { url, expect, artefact, family, pageText, evidence };
  });

/** The stored page's title or heading, when the line records one: what the live DOM would show. */
const probeFor = (row: Row): PageProbe | undefined =>
  row.pageText ? { title: () => row.pageText, headings: () => [row.pageText], has: () => false } : undefined;

/** Be Civic recognises https pages only; a page seen at http is checked at its https address. */
const httpsOf = (url: string) => url.replace(/^http:\/\//i, 'https://');

/**
 * What a line asks: the first match is the expected page; the artefact is the form recognised, or,
 * on a page that is not one form of many, one of the artefacts the page serves; `-` means no form.
 */
function verdict(row: Row, url: string): string | undefined {
  const [match] = recognise(index, url, probeFor(row));
  const page = match?.page ?? 'none';
  if (page !== row.expect) return `expected ${row.expect}, got ${page}`;
  if (!match) return undefined;
  const served = compiled.pages.find((p) => p.id === match.page)!.serves.map((s) => s.artefact);
  if (row.artefact === '-') return match.form ? `expected no one form, got ${match.form}` : undefined;
  if (match.form) return match.form === row.artefact ? undefined : `expected form ${row.artefact}, got ${match.form}`;
  return served.includes(row.artefact) ? undefined : `the page does not serve ${row.artefact}`;
}

describe('the corpus of real URLs', () => {
  it('is valid catalog input and big enough', () => {
    expect(loaded.issues.map(formatIssue)).toEqual([]);
    const positives = rows.filter((r) => r.expect !== 'none');
    const seen = positives.filter((r) => !/COMPOSED|stand-in|composed/.test(r.evidence));
    expect(seen.length).toBeGreaterThanOrEqual(120);
    expect(rows.filter((r) => r.expect === 'none').length).toBeGreaterThanOrEqual(25);
    for (const row of rows) expect(row.evidence, row.url).not.toBe('');
    const families = new Set(positives.map((r) => r.family));
    for (const family of ['irisbox', 'csam', 'itsme', 'mon-dossier', 'just-on-web', 'my-ebox', 'police-on-web', 'ibz-pin-puk', 'imio', 'eloket', 'burgerprofiel', 'mybxl', 'my-belgium']) {
      expect(families, family).toContain(family);
    }
  });

  it('recognises every line as its page and artefact, and refuses every look-alike', () => {
    const wrong = rows.flatMap((row) => {
      const problem = verdict(row, row.expect === 'none' ? row.url : httpsOf(row.url));
      return problem ? [`${row.url}: ${problem}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('never recognises a page served over plain http', () => {
    const http = rows.filter((r) => r.url.startsWith('http://'));
    expect(http.length).toBeGreaterThan(3);
    for (const row of http) expect(recognise(index, row.url, probeFor(row)), row.url).toEqual([]);
  });

  it('answers the same through the catalog CLI', () => {
    for (const row of rows) {
      const url = row.expect === 'none' ? row.url : httpsOf(row.url);
      const direct = recognise(index, url, probeFor(row)).map((m) => [m.page, m.form ?? '-']);
      const cli = answerFor(compiled, index, url, probeFor(row)).map((m) => [m.page, m.form ?? '-']);
      expect(cli, url).toEqual(direct);
    }
  });

  it('names the commune whose own site a URL is', () => {
    const answer = (url: string) => answerFor(compiled, index, url)[0]?.commune;
    expect(answer('https://lalouviere-formulaires.guichet-citoyen.be/v2-demande-acte-de-naissance/')).toBe('la-louviere');
    expect(answer('https://www.kortenberg.be/samenstelling-van-het-gezin')).toBe('kortenberg');
    expect(answer('https://kortenberg.be/samenstelling-van-het-gezin')).toBe('kortenberg');
    expect(answer('https://irisbox.irisnet.be/irisbox/urban-information/landing')).toBeUndefined();
  });
});

describe('the iMio form definitions', () => {
  const forms = readFileSync(join(ROOT, 'tests/fixtures/imio-forms.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([slug = '', titleFr = '', titleDe = '', , artefact = '']) => ({ slug, title: titleFr || titleDe, artefact }));

  it('maps each published form, by its slug, to the one artefact it serves or to none', () => {
    expect(forms.length).toBeGreaterThan(100);
    const wrong = forms.flatMap(({ slug, artefact }) => {
      const [match] = recognise(index, `https://namur-formulaires.guichet-citoyen.be/${slug}/`);
      const want = artefact.startsWith('-') ? undefined : artefact;
      const page = artefact === '- (booking)' ? 'imio-booking' : 'imio-form';
      return match?.page === page && match.form === want ? [] : [`${slug}: expected ${page}/${want ?? '-'}, got ${match?.page}/${match?.form ?? '-'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('maps a form whose address names nothing by its title, once the page shows it', () => {
    for (const { title, artefact } of forms.filter((f) => !f.artefact.startsWith('-'))) {
      const probe: PageProbe = { title: () => `${title} - Ville de Namur`, headings: () => [title], has: () => false };
      expect(recognise(index, 'https://namur-formulaires.guichet-citoyen.be/f12/', probe)[0]?.form, title).toBe(artefact);
    }
  });
});
