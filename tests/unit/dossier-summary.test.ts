import { describe, expect, it } from 'vitest';
import type { Artefact, CompiledCatalog, Commune, Procedure } from '../../src/catalog/compiled';
import { feeTotal } from '../../src/dossier/fees';
import { documentRules, APOSTILLE, EXEMPT } from '../../src/dossier/countries';
import { maskNationalNumbersIn as maskNationalNumbers } from '../../src/model/nrn';
import { itemValidity, summarise } from '../../src/dossier/summary';
import { feeAmount, feeBasis, feeTotalBasis, describeValidity } from '../../src/dossier/describe';
import type { Dossier, Progress } from '../../src/model/data';

const procedure = {
  id: 'nat',
  title: { fr: 'Déclaration de nationalité', en: 'Nationality declaration' },
  authority: { fr: 'Commune' },
  legal_basis: 'art. 12bis',
  regions: ['federal'],
  questions: [{ id: 'urgent', kind: 'boolean', label: { fr: 'Urgent ?' } }],
  eligibility: [],
  requirements: {
    id: 'root',
    allOf: [
      { id: 'birth', artefact: 'birth-certificate' },
      { id: 'residence', artefact: 'residence-history' },
      { id: 'language', label: { fr: 'Connaissance linguistique', en: 'Language' }, oneOf: [{ id: 'selor', artefact: 'selor' }, { id: 'diploma', artefact: 'diploma' }] },
    ],
  },
  fees: [
    { id: 'registration', label: { fr: 'Droit d’enregistrement', en: 'Registration fee' }, amount: { fixed: 150 } },
    { id: 'commune-tax', label: { fr: 'Taxe communale', en: 'Commune tax' }, amount: { per_commune: true, min: 0, max: 80 } },
    { id: 'urgency', label: { fr: 'Urgence', en: 'Urgency' }, amount: { fixed: 27.2 }, when: { fact: 'urgent', equals: true } },
    { id: 'copy', label: { fr: 'Copie', en: 'Copy' }, amount: { per_commune: true } },
  ],
  delays: [],
  visits: [],
  notes: [],
  provenance: ['seeds/003_ee23f2e5ba3cb84e.txt'],
  last_verified: '2026-11-23',
} as unknown as Procedure;

const artefact = (id: string, validity?: Artefact['validity']): Artefact =>
  ({
    id,
    title: { fr: `Titre ${id}`, en: `Title ${id}` },
    description: { fr: 'd' },
    authority: { fr: 'a' },
    applies_to: { fr: 'x' },
    ...(validity ? { validity } : {}),
    sources: [
      { id: 'online', label: { fr: 'En ligne', en: 'Online' }, priority: 50, regions: ['brussels'], kind: 'online-request', delivery: 'instant-download', primary_actor: 'user', handoff: 'guided', agent_does: { fr: 'a' }, user_does: { fr: 'Téléchargez-le', en: 'Download it' }, to_resume: { fr: 'r' }, fallback_only: false, confirmed_by_user: false, url: 'https://irisbox.irisnet.be/', provenance: ['seeds/004_71a319b8628df462.txt'], last_verified: '2026-05-01' },
      { id: 'desk', label: { fr: 'Guichet', en: 'Desk' }, priority: 90, regions: ['wallonia'], kind: 'commune-visit', delivery: 'in-person', primary_actor: 'user', handoff: 'physical-presence', agent_does: { fr: 'a' }, user_does: { fr: 'Allez au guichet', en: 'Go to the desk' }, to_resume: { fr: 'r' }, fallback_only: true, confirmed_by_user: true, provenance: ['seeds/004_71a319b8628df462.txt'], last_verified: '2026-05-01' },
    ],
    provenance: ['seeds/003_ee23f2e5ba3cb84e.txt'],
    last_verified: '2026-11-23',
  }) as Artefact;

const commune = {
  id: 'auderghem',
  nis: '21002',
  names: { fr: 'Auderghem', nl: 'Oudergem' },
  region: 'brussels',
  languages: ['fr', 'nl'],
  postal_codes: [],
  booking: [],
  desks: [],
  fee_overrides: [{ procedure: 'nat', fee: 'commune-tax', amount: { fixed: 25 }, year: 2025 }],
  provenance: ['seeds/004_71a319b8628df462.txt'],
  last_verified: '2026-11-23',
} as unknown as Commune;

describe('fee totals', () => {
  it('without a commune: fixed fees, the commune tax as a range, unknown amounts flagged and not counted', () => {
    const total = feeTotal(procedure, { urgent: false });
    expect(total.lines.map((l) => [l.id, l.min, l.max, l.basis])).toEqual([
      ['registration', 150, 150, 'fixed'],
      ['commune-tax', 0, 80, 'range'],
      ['copy', 0, 0, 'unknown'],
    ]);
    expect([total.min, total.max, total.exact, total.incomplete]).toEqual([150, 230, false, true]);
    expect(feeAmount(total, 'fr').replace(/\s/g, ' ')).toBe('150,00 € – 230,00 €');
    expect(feeTotalBasis(total, 'en')).toContain('some amounts are not known');
  });

  it("uses the commune's own figure where the catalog has it, and says so with its year", () => {
    const total = feeTotal(procedure, { urgent: true }, commune);
    const tax = total.lines.find((l) => l.id === 'commune-tax')!;
    expect([tax.min, tax.max, tax.basis, tax.year]).toEqual([25, 25, 'commune', 2025]);
    expect(feeBasis(tax, 'fr')).toBe('montant de votre commune (2025)');
    // 150 + 25 + 27.20 in cents, no floating-point residue.
    expect([total.min, total.max]).toEqual([202.2, 202.2]);
    expect(total.communeFiguresMissing).toBe(true);
  });

  it('counts a fee that depends on an unanswered question, marked uncertain', () => {
    const total = feeTotal(procedure, {});
    expect(total.lines.find((l) => l.id === 'urgency')).toMatchObject({ uncertain: true, min: 27.2 });
  });
});

describe('country of issue', () => {
  it('exempts EU documents, asks an apostille from Hague countries, legalisation elsewhere', () => {
    expect(documentRules('PL')).toEqual({ country: 'PL', authentication: 'exempt', translation: 'sworn' });
    expect(documentRules('fr')).toEqual({ country: 'FR', authentication: 'exempt', translation: 'if-not-fr-nl-de' });
    expect(documentRules('MA')).toMatchObject({ authentication: 'apostille', translation: 'sworn' });
    expect(documentRules('CD')).toMatchObject({ authentication: 'legalisation', translation: 'if-not-fr-nl-de' });
    expect(documentRules('BE')).toMatchObject({ authentication: 'none', translation: 'none' });
    expect(() => documentRules('XX')).toThrow('unknown country code "XX"');
    for (const code of EXEMPT) expect(APOSTILLE.has(code)).toBe(false);
  });
});

describe('masking', () => {
  it('masks national register numbers in any usual format, keeping the check digits', () => {
    expect(maskNationalNumbers('85.07.30-033.28')).toBe('••.••.••-•••.28');
    expect(maskNationalNumbers('NN 85073003328, ref 12')).toBe('NN ••.••.••-•••.28, ref 12');
    expect(maskNationalNumbers('REF-2026-000123')).toBe('REF-2026-000123');
  });
});

const catalog: CompiledCatalog = {
  format: 1,
  procedures: [procedure],
  artefacts: [artefact('birth-certificate', { issued_within: { months: 3 } }), artefact('residence-history', { issued_within: { months: 3 } }), artefact('selor'), artefact('diploma')],
  portals: [],
  pages: [
    { id: 'irisbox-cert', portal: 'irisbox', title: { fr: 'IRISbox — certificats', en: 'IRISbox — certificates' }, hosts: ['irisbox.irisnet.be'], paths: ['/'], role: 'service', serves: [{ artefact: 'birth-certificate', source: 'online' }], capture: [{ id: 'nrn', label: { fr: 'NN', en: 'National number' }, kind: 'national-register-number' }], examples: ['https://irisbox.irisnet.be/irisbox/certificates'], provenance: ['seeds/004_71a319b8628df462.txt'], last_verified: '2026-05-01' },
  ] as unknown as CompiledCatalog['pages'],
  communes: [commune],
  hostCommunes: {},
  topics: {},
};

const dossier: Dossier = { id: 'd', procedure: 'nat', label: 'Łukasz', answers: {}, choices: {}, commune: 'auderghem', lang: 'fr', plannedSubmission: '2026-12-20', createdAt: 1, updatedAt: 1 };
const progress = (artefact: string, patch: Partial<Progress>): Progress => ({ dossierId: 'd', artefact, status: 'obtained', captured: {}, attachments: [], updatedAt: 1, ...patch });

describe('expiry against the planned submission', () => {
  it('derives the end of a 3-month window from the date of issue, and compares it with the submission day', () => {
    const a = catalog.artefacts[0];
    expect(itemValidity(a, { issuedOn: '2026-09-01' }, '2026-12-20')).toEqual({ expiresOn: '2026-11-30', validity: { state: 'expired', daysLeft: -20, reference: '2026-12-20' } });
    expect(itemValidity(a, { issuedOn: '2026-10-01' }, '2026-12-20').validity).toMatchObject({ state: 'expiring', daysLeft: 11 });
    expect(itemValidity(a, { issuedOn: '2026-12-01' }, '2026-12-20').validity).toMatchObject({ state: 'valid' });
    expect(itemValidity(catalog.artefacts[2], { issuedOn: '2026-12-01' }, '2026-12-20')).toEqual({});
  });

  it('lists expired and soon-expiring documents in what remains to do, even when obtained', () => {
    const summary = summarise({
      catalog,
      dossier,
      progress: [progress('birth-certificate', { issuedOn: '2026-09-01' }), progress('residence-history', { issuedOn: '2026-12-01' })],
      appointments: [],
      lang: 'en',
      today: '2026-11-23',
    });
    const birth = summary.todo.find((x) => x.node === 'birth')!;
    expect(birth.validity?.state).toBe('expired');
    expect(describeValidity(birth, 'en')).toBe('No longer valid on 20 December 2026 (ended 30 November 2026)');
    expect(summary.todo.some((x) => x.node === 'residence')).toBe(false);
    // Nothing in the answers decides the language proof: the first listed way stands as chosen (the checklist's suggestion).
    expect(summary.todo.find((x) => x.node === 'selor')).toMatchObject({ kind: 'document' });
    expect(summary.todo.some((x) => x.kind === 'choice')).toBe(false);
    expect(summary.counts).toEqual({ needed: 3, settled: 1 });
  });

  it('measures against today when no submission day is planned', () => {
    const { plannedSubmission: _, ...unplanned } = dossier;
    const summary = summarise({ catalog, dossier: unplanned, progress: [progress('birth-certificate', { issuedOn: '2026-09-01' })], appointments: [], lang: 'en', today: '2026-11-23' });
    expect(summary.tree.children[0]?.item?.validity).toEqual({ state: 'expiring', daysLeft: 7, reference: '2026-11-23' });
  });
});

describe('the dossier summary', () => {
  it('gives each document its next step in the commune region, linked to the portal page that serves it', () => {
    const summary = summarise({ catalog, dossier, progress: [], appointments: [], lang: 'en', today: '2026-11-23' });
    expect(summary.tree.children[0]?.item?.next).toEqual({
      source: 'online',
      sourceLabel: 'Online',
      text: 'Download it',
      url: 'https://irisbox.irisnet.be/irisbox/certificates',
      pageTitle: 'IRISbox — certificates',
      unconfirmed: true,
    });
    // No page serves this one: the source's own address.
    expect(summary.tree.children[1]?.item?.next?.url).toBe('https://irisbox.irisnet.be/');
  });

  it('follows the chosen alternative and masks captured national numbers', () => {
    const summary = summarise({
      catalog,
      dossier: { ...dossier, choices: { language: 'diploma' }, nationalRegisterNumber: '85073003328' },
      progress: [progress('birth-certificate', { status: 'requested', source: 'desk', captured: { nrn: { value: '85.07.30-033.28', capturedAt: 1, page: 'irisbox-cert' } } })],
      appointments: [],
      lang: 'fr',
      today: '2026-11-23',
    });
    const language = summary.tree.children[2]!;
    expect(language.chosen).toBe('diploma');
    expect(summary.todo.map((x) => x.node)).toEqual(['birth', 'residence', 'diploma']);
    const birth = summary.tree.children[0]!.item!;
    expect(birth.captured).toEqual([{ field: 'nrn', label: 'NN', value: '••.••.••-•••.28' }]);
    expect(birth.next?.source).toBe('desk');
    expect(summary.nationalRegisterNumber).toBe('••.••.••-•••.28');
    expect(JSON.stringify({ ...summary, dossier: undefined })).not.toContain('85073003328');
  });

  it('cites the catalog entries it used, grouped by source and verification date', () => {
    const summary = summarise({ catalog, dossier, progress: [], appointments: [], lang: 'en', today: '2026-11-23' });
    expect(summary.sources[0]).toEqual({
      what: 'Nationality declaration · Title birth-certificate · Title residence-history · Title selor · Title diploma',
      provenance: ['seeds/003_ee23f2e5ba3cb84e.txt'],
      // This hand-made catalog names no seed: the file name is still never what users read.
      names: [{ label: 'Reference document' }],
      lastVerified: '2026-11-23',
    });
    expect(summary.sources[1]?.what).toBe('Auderghem');
  });
});

describe('dashboard addresses', () => {
  it('reads and writes the hash routes that dashboard:open and the welcome page use', async () => {
    const { parseRoute, routeHash } = await import('../../src/dashboard/route');
    expect(parseRoute('#setup')).toEqual({ view: 'setup' });
    expect(parseRoute('#setup=eu-registration-annex-19')).toEqual({ view: 'setup', procedure: 'eu-registration-annex-19' });
    expect(parseRoute('#dossier=a%3Db')).toEqual({ view: 'dossier', id: 'a=b' });
    expect(parseRoute('#settings')).toEqual({ view: 'settings' });
    expect(parseRoute('')).toEqual({ view: 'overview' });
    expect(parseRoute('#dossier=')).toEqual({ view: 'overview' });
    for (const route of [{ view: 'dossier', id: 'x y' }, { view: 'setup', procedure: 'p' }, { view: 'settings' }] as const) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
