/**
 * No internal wording reaches users: every text of the catalog that a screen or the PDF can show, in
 * every language, is free of notes meant for us (seed numbers, file names, "label not recorded", "page
 * seen at an http address", probing dates…). Author notes live in `remarks`, which is never shown.
 * Sources are named for people, never by file name.
 */
import { describe, expect, it } from 'vitest';
import catalog from '../../src/catalog/bundled';
import { provenanceName } from '../../src/dossier/provenance';
import { LANGS } from '../../src/model/lang';
import { flagged } from '../support/wording';

/** Fields never shown: where a fact comes from, when it was checked, the authors' own remarks; page notes are for recognition authors. */
const NOT_SHOWN = new Set(['provenance', 'last_verified', 'remarks', 'fixture', 'examples', 'ref']);

function* shownTexts(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* shownTexts(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (!NOT_SHOWN.has(key) && !(key === 'notes' && path.startsWith('pages:'))) yield* shownTexts(v, `${path}.${key}`);
  }
}


describe('internal wording', () => {
  it('the detector catches the wording issue 16 found on screen', () => {
    expect(flagged('Validity by age (seed 002).')).toEqual(['a seed number']);
    expect(flagged('see seeds/003_ee23f2e5ba3cb84e.txt')).toContain('a file name');
    expect(flagged('“MIGRATIE” (Dutch label seen on the page; French label not recorded)')).toContain('a label we did not record');
    expect(flagged('Pick the exact reason. Page seen at an http address.')).toEqual(['how we read a page']);
    expect(flagged('Pick the exact reason; “Other” cannot be booked.')).toEqual([]);
  });

  it('no catalog text shown to users, in any language, carries internal wording', () => {
    const problems: string[] = [];
    for (const kind of ['procedures', 'artefacts', 'pages', 'portals', 'communes', 'provenance', 'intents', 'platforms', 'consulates'] as const) {
      for (const entry of catalog[kind] ?? []) {
        const name = 'id' in entry ? entry.id : entry.ref;
        for (const [path, text] of shownTexts(entry, `${kind}:${name}`)) {
          const why = flagged(text);
          if (why.length > 0) problems.push(`${path}: ${why.join(', ')}: ${text.slice(0, 120)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('sources named for people', () => {
  const refs = new Set<string>();
  for (const p of catalog.procedures) p.provenance.forEach((r) => refs.add(r));
  for (const a of catalog.artefacts) [a, ...a.sources].forEach((x) => x.provenance.forEach((r) => refs.add(r)));
  for (const c of catalog.communes) c.provenance.forEach((r) => refs.add(r));
  for (const p of catalog.pages) p.provenance.forEach((r) => refs.add(r));

  it('names every provenance of the catalog without a file name, in every language', () => {
    const bad: string[] = [];
    for (const ref of refs) {
      for (const lang of LANGS) {
        const { label } = provenanceName(catalog, ref, lang);
        if (/seeds\/|\.txt|\bseed\b/i.test(label) || label === ref) bad.push(`${ref} (${lang}): ${label}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('names a machine-readable data table as a data set, without its file address', () => {
    const named = provenanceName(catalog, 'https://github.com/gehuybre/embuild-analyses/blob/HEAD/packages/embuild-shared/src/data/nis/refnis.csv', 'en');
    expect(named).toEqual({ label: 'Public data set (github.com)' });
  });
  it('names the seeds after who wrote them, with their public address where there is one', () => {
    expect(provenanceName(catalog, 'seeds/001_475678524759bb56.txt', 'en')).toEqual({ label: 'Commune of Eupen — population and civil-status services' });
    expect(provenanceName(catalog, 'seeds/003_ee23f2e5ba3cb84e.txt', 'fr')).toEqual({ label: 'CeRAIC / CIMB — fiches sur la déclaration de nationalité (art. 12bis)', url: 'https://www.ceraic.be/' });
    expect(provenanceName(catalog, 'seeds/004_71a319b8628df462.txt', 'nl').url).toBe('https://www.auderghem.be/premiere-inscription-en-belgique-pour-ressortissant-ue');
    expect(provenanceName(catalog, 'http://auderghem.covservices.net/WaitBox.asp?st=1&c0=1141&o=1', 'en').label).toBe('Auderghem');
  });
});
