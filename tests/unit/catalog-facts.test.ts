/**
 * The seeds' facts, checked against the compiled catalog, so that a later edit of a YAML file cannot
 * silently change a fee, a delay, an alternative or a condition that the source documents state.
 * Each expectation names the seed (or page) it comes from.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { loadCatalog, formatIssue } from '../../src/catalog/load';
import { compileCatalog, compileRecognition } from '../../src/catalog/compile';
import { probeOf, recognise } from '../../src/recognise';
import type { Condition, RequirementNode, Procedure, Money } from '../../src/catalog/schema';

const ROOT = resolve(import.meta.dirname, '../..');
const loaded = loadCatalog(join(ROOT, 'catalog'), { repoRoot: ROOT });
const catalog = compileCatalog(loaded.catalog);
const index = compileRecognition(loaded.catalog);

const procedure = (id: string): Procedure => {
  const p = catalog.procedures.find((x) => x.id === id);
  if (!p) throw new Error(`no procedure ${id}`);
  return p;
};
const artefact = (id: string) => {
  const a = catalog.artefacts.find((x) => x.id === id);
  if (!a) throw new Error(`no artefact ${id}`);
  return a;
};
const commune = (id: string) => {
  const c = catalog.communes.find((x) => x.id === id);
  if (!c) throw new Error(`no commune ${id}`);
  return c;
};
const fee = (p: string, f: string): Money => {
  const found = procedure(p).fees.find((x) => x.id === f);
  if (!found) throw new Error(`no fee ${p}/${f}`);
  return found.amount;
};
const override = (communeId: string, p: string, f: string) => commune(communeId).fee_overrides.find((o) => o.procedure === p && o.fee === f)?.amount;

function node(root: RequirementNode, id: string): RequirementNode {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.id === id) return n;
    if ('allOf' in n) stack.push(...n.allOf);
    if ('oneOf' in n) stack.push(...n.oneOf);
  }
  throw new Error(`no requirement node ${id}`);
}
const children = (n: RequirementNode) => ('oneOf' in n ? n.oneOf : 'allOf' in n ? n.allOf : []);
const alternatives = (n: RequirementNode) => {
  if (!('oneOf' in n)) throw new Error(`${n.id} is not a oneOf`);
  return n.oneOf;
};

/** The condition semantics the catalog is written for: an unanswered fact makes a comparison false. */
type Answers = Record<string, string | number | boolean>;
function holds(c: Condition | undefined, a: Answers): boolean {
  if (!c) return true;
  if ('not' in c) return !holds(c.not, a);
  if ('all' in c) return c.all.every((x) => holds(x, a));
  if ('any' in c) return c.any.some((x) => holds(x, a));
  const v = a[c.fact];
  if (v === undefined) return false;
  if ('equals' in c) return v === c.equals;
  if ('in' in c) return (c.in as Array<string | number>).includes(v as string | number);
  if ('at_least' in c) return typeof v === 'number' && v >= c.at_least;
  return typeof v === 'number' && v < c.below;
}
/** The artefacts a dossier with these answers is asked for, taking the first applicable alternative of each oneOf. */
function required(n: RequirementNode, a: Answers): string[] {
  if (!holds(n.when, a)) return [];
  if ('artefact' in n) return [n.artefact];
  if ('allOf' in n) return n.allOf.flatMap((c) => required(c, a));
  const first = n.oneOf.find((c) => holds(c.when, a));
  return first ? required(first, a) : [];
}
/** The eligibility rules that fail for these answers: the "why not" of a paragraph. */
const failing = (p: Procedure, a: Answers) => p.eligibility.filter((e) => holds(e.when, a) && e.requires && !holds(e.requires, a)).map((e) => e.id);

describe('the catalog loads with its fixtures', () => {
  it('has no issue, fixtures included', () => {
    expect(loaded.issues.map(formatIssue)).toEqual([]);
  });
});

describe('nationality declaration, art. 12bis (seeds 001, 003)', () => {
  const p = procedure('nationality-declaration-12bis');
  it('costs 150 EUR plus a commune tax of 0 to 80 EUR', () => {
    expect(fee(p.id, 'registration')).toEqual({ fixed: 150 });
    expect(fee(p.id, 'commune-tax')).toEqual({ per_commune: true, min: 0, max: 80 });
    expect(override('perwez', p.id, 'commune-tax')).toEqual({ fixed: 15 });
  });
  it('lists the five ways to prove birth as alternatives', () => {
    const birth = alternatives(node(p.requirements, 'birth'));
    expect(birth.map((n) => ('artefact' in n ? n.artefact : n.id))).toEqual([
      'birth-certificate-copy-belgium',
      'foreign-birth-certificate',
      'cgra-birth-certificate',
      'consular-birth-document',
      'acte-de-notoriete',
      'court-judgment-sworn-statement',
    ]);
    expect(node(p.requirements, 'birth-consular').note?.fr).toMatch(/Afghanistan.*Cabinda.*Somalie.*Soudan du Sud/);
  });
  it('asks social integration by diploma, 400 h training (+234 work days for 3°), integration course or 5 years of work (2° only)', () => {
    const integration = node(p.requirements, 'social-integration');
    expect(integration.when).toEqual({ fact: 'paragraph', in: ['para-2', 'para-3'] });
    const under = (paragraph: string) => required(integration, { paragraph, 'cannot-work': 'no' });
    expect(alternatives(integration).filter((n) => holds(n.when, { paragraph: 'para-2' })).map((n) => n.id)).toEqual([
      'integration-diploma',
      'integration-training',
      'integration-course',
      'integration-five-years-work',
    ]);
    expect(alternatives(integration).filter((n) => holds(n.when, { paragraph: 'para-3' })).map((n) => n.id)).toEqual([
      'integration-diploma',
      'integration-training-work',
      'integration-course',
    ]);
    expect(children(node(p.requirements, 'integration-training-work')).map((n) => ('artefact' in n ? n.artefact : ''))).toEqual(['vocational-training-400h', 'work-234-days-proof']);
    expect(under('para-2')).toEqual(['secondary-diploma']);
  });
  it('accepts A2 language proof by integration proof, SELOR, an employment office or a recognised school', () => {
    const language = alternatives(node(p.requirements, 'language')).map((n) => ('artefact' in n ? n.artefact : n.id));
    expect(language).toEqual(expect.arrayContaining(['selor-language-certificate', 'employment-office-language-certificate', 'school-language-certificate', 'integration-course-certificate']));
    expect(node(p.requirements, 'language').when).toEqual({ fact: 'paragraph', in: ['para-2', 'para-3', 'para-5'] });
  });
  it('proves economic participation (2°) by 468 work days with the contract, or 6 self-employed quarters', () => {
    const eco = node(p.requirements, 'economic-participation');
    expect(eco.when).toEqual({ fact: 'paragraph', in: ['para-2'] });
    expect(alternatives(eco).map((n) => required(n, {}))).toEqual([['work-468-days-proof', 'employment-contract'], ['self-employed-contributions-proof']]);
  });
  it('proves the family link (3°) by marriage with 3 years together, or a Belgian minor child', () => {
    const family = node(p.requirements, 'family-link');
    const married = { paragraph: 'para-3', 'married-to-belgian': true, 'parent-of-belgian-minor': false };
    const parent = { paragraph: 'para-3', 'married-to-belgian': false, 'parent-of-belgian-minor': true };
    expect(required(family, married)).toEqual(['marriage-certificate-copy', 'spouse-nationality-certificate', 'spouse-residence-history-certificate']);
    expect(required(family, parent)).toEqual(['child-birth-certificate', 'child-nationality-certificate']);
  });
  it('proves inability to work (4°) by disability, invalidity and the other certificates, or by age 65', () => {
    const proof = node(p.requirements, 'cannot-work-proof');
    expect(alternatives(proof)).toHaveLength(5);
    expect(required(proof, { paragraph: 'para-4', age: 50, 'cannot-work': 'disability' })).toEqual(['disability-certificate']);
    expect(required(proof, { paragraph: 'para-4', age: 50, 'cannot-work': 'invalidity' })).toEqual(['invalidity-certificate']);
    expect(required(proof, { paragraph: 'para-4', age: 66, 'cannot-work': 'no' })).toEqual([]);
  });
  it('makes each paragraph reachable and says why the others do not fit', () => {
    const base = { age: 30, 'unlimited-stay': true, 'born-in-belgium': false, 'years-legal-residence': 6, 'married-to-belgian': false, 'parent-of-belgian-minor': false, 'cannot-work': 'no' };
    expect(failing(p, { ...base, paragraph: 'para-2' })).toEqual([]);
    expect(failing(p, { ...base, paragraph: 'para-1' })).toEqual(['para-1-born', 'para-1-since-birth']);
    expect(failing(p, { ...base, paragraph: 'para-3' })).toEqual(['para-3-family']);
    expect(failing(p, { ...base, paragraph: 'para-3', 'married-to-belgian': true, 'years-living-with-spouse': 3 })).toEqual([]);
    expect(failing(p, { ...base, paragraph: 'para-4' })).toEqual(['para-4-cannot-work']);
    expect(failing(p, { ...base, paragraph: 'para-4', age: 65 })).toEqual([]);
    expect(failing(p, { ...base, paragraph: 'para-5' })).toEqual(['para-5-10-years']);
    expect(failing(p, { ...base, paragraph: 'para-5', 'years-legal-residence': 10 })).toEqual([]);
    expect(failing(p, { ...base, paragraph: 'para-1', 'born-in-belgium': true, 'resided-since-birth': true })).toEqual([]);
    expect(failing(p, { ...base, paragraph: 'para-2', age: 17 })).toEqual(['adult']);
    expect(failing(p, { ...base, paragraph: 'para-2', 'unlimited-stay': false })).toEqual(['unlimited-stay']);
  });
  it('asks apostille, legalisation or nothing by the country rule, and a sworn translation unless French, Dutch or German', () => {
    const foreign = node(p.requirements, 'foreign-documents');
    const ask = (rule: string, language: string) => required(foreign, { 'has-foreign-documents': true, 'foreign-document-rule': rule, 'documents-language': language });
    expect(ask('apostille', 'other')).toEqual(['apostille', 'sworn-translation']);
    expect(ask('legalisation', 'fr')).toEqual(['legalisation']);
    expect(ask('exempt', 'de')).toEqual([]);
    expect(ask('exempt', 'other')).toEqual(['sworn-translation']);
  });
  it('asks the certified copy of the residence card first, for every paragraph', () => {
    const first = p.requirements.id === 'root' && 'allOf' in p.requirements ? p.requirements.allOf[0] : undefined;
    expect(first && 'artefact' in first ? first.artefact : undefined).toBe('id-card-certified-copy');
    expect(node(p.requirements, 'unlimited-stay-proof').note?.fr).toMatch(/F, F\+, B, C, D, E.*annexe 8/);
  });
});

describe('EU-citizen first registration, annex 19 (seed 004)', () => {
  const p = procedure('eu-registration-annex-19');
  it('has the seven statuses, each with its own documents', () => {
    const status = p.questions.find((q) => q.id === 'eu-status')!;
    expect(status.choices?.map((c) => c.id)).toEqual(['employee', 'posted-worker', 'self-employed', 'job-seeker', 'student', 'sufficient-means', 'family-member']);
    const docs = (s: string) => required(p.requirements, { 'eu-status': s });
    expect(docs('employee')).toEqual(['national-passport-or-id', 'employment-contract', 'lease-or-host-attestation', 'identity-photo']);
    expect(docs('self-employed')).toEqual(expect.arrayContaining(['bce-registration', 'self-employed-fund-affiliation']));
    expect(docs('posted-worker')).toEqual(expect.arrayContaining(['posted-worker-documents', 'ehic-card']));
    expect(docs('family-member')).toEqual(expect.arrayContaining(['family-link-proof', 'eu-sponsor-conditions-proof']));
    expect(alternatives(node(p.requirements, 'student-health')).map((n) => ('artefact' in n ? n.artefact : ''))).toEqual(['ehic-card', 'private-health-insurance', 's1-form', 'belgian-health-insurer-registration']);
    expect(alternatives(node(p.requirements, 'student-means')).map((n) => ('artefact' in n ? n.artefact : ''))).toContain('resources-sworn-declaration');
    expect(alternatives(node(p.requirements, 'employee')).map((n) => ('artefact' in n ? n.artefact : ''))).toEqual(['employment-contract', 'engagement-declaration', 'annex-19bis-work-certificate']);
  });
  it('takes three visits, the first refusing an incomplete file (since 1 September 2025)', () => {
    expect(p.visits.map((v) => [v.id, v.appointment, v.requires_complete_file])).toEqual([
      ['first-appointment', 'required', true],
      ['second-appointment', 'invitation', false],
      ['collection', 'walk-in', false],
    ]);
    expect(p.visits[2]!.who?.fr).toMatch(/12 ans/);
    expect(p.delays.find((d) => d.id === 'apply-within')?.duration).toEqual({ months: 3 });
  });
  it('costs 25 EUR plus 27.20 EUR (2025) in Auderghem', () => {
    expect(override('auderghem', p.id, 'file-fee')).toEqual({ fixed: 25 });
    expect(override('auderghem', p.id, 'residence-card')).toEqual({ fixed: 27.2 });
    expect(commune('auderghem').fee_overrides.find((o) => o.fee === 'residence-card')?.year).toBe(2025);
  });
});

describe('identity documents (seeds 001, 002)', () => {
  it('charges Eupen’s rates for cards, passports, travel documents and licences', () => {
    const rates: Array<[string, string, number]> = [
      ['eid-card', 'card', 25.6], ['eid-card', 'urgent', 122.9], ['kids-id', 'card', 7.7], ['kids-id', 'urgent', 105],
      ['residence-card', 'adult-card', 26.1], ['residence-card', 'adult-urgent', 122.9], ['residence-card', 'child-card-abkl', 10.7],
      ['residence-card', 'child-urgent-abkl', 116.5], ['residence-card', 'child-card-eu', 7.7], ['residence-card', 'child-urgent-eu', 105],
      ['residence-card', 'reunification-document', 8], ['residence-card', 'asylum-document', 8],
      ['passport', 'passport-minor', 49.5], ['passport', 'passport-adult', 87], ['passport', 'urgent-minor', 238], ['passport', 'urgent-adult', 283],
      ['travel-document', 'minor', 55.5], ['travel-document', 'adult', 83], ['travel-document', 'urgent-minor', 238], ['travel-document', 'urgent-adult', 273],
      ['driving-licence', 'provisional', 25.5], ['driving-licence', 'definitive', 31], ['driving-licence', 'international', 21.5], ['driving-licence', 'foreign-transcription', 31],
      ['marriage-declaration', 'marriage-booklet', 16.5], ['first-name-change', 'change', 142], ['pin-puk-codes', 'codes', 5],
    ];
    for (const [p, f, amount] of rates) {
      expect(fee(p, f), `${p}/${f}`).toEqual({ per_commune: true });
      expect(override('eupen', p, f), `${p}/${f}`).toEqual({ fixed: amount });
    }
  });
  it('orders for Belgians abroad in Eupen within 24 hours at 122.90 / 105 EUR', () => {
    expect(fee('eid-abroad-eupen', 'card')).toEqual({ fixed: 122.9 });
    expect(fee('kids-id-abroad-eupen', 'card')).toEqual({ fixed: 105 });
    expect(procedure('eid-abroad-eupen').delays[0]?.duration).toEqual({ hours: 24 });
  });
  it('follows the Luxembourg consulate: 20 / 10 EUR, residence certificate under 3 months, cards kept 6 / 3 months', () => {
    const eid = procedure('eid-abroad-luxembourg');
    const kids = procedure('kids-id-abroad-luxembourg');
    expect(fee(eid.id, 'card')).toEqual({ fixed: 20 });
    expect(fee(kids.id, 'card')).toEqual({ fixed: 10 });
    expect(artefact('residence-certificate-luxembourg').validity?.issued_within).toEqual({ months: 3 });
    expect(eid.delays.find((d) => d.id === 'collect-within')?.duration).toEqual({ months: 6 });
    expect(kids.delays.find((d) => d.id === 'collect-within')?.duration).toEqual({ months: 3 });
    expect(eid.delays.find((d) => d.id === 'production')?.duration).toEqual({ weeks: 2 });
    expect(eid.notes.map((n) => n.fr).join(' ')).toMatch(/12–18 ans : 6 ans ; 18–75 ans : 10 ans ; plus de 75 ans : 30 ans/);
    expect(required(eid.requirements, { 'previous-card': 'stolen' })).toEqual(expect.arrayContaining(['consulate-loss-theft-form', 'police-loss-theft-certificate']));
    expect(required(kids.requirements, { 'child-age': 4, 'previous-card': 'have-it' })).toContain('identity-photo');
    expect(required(kids.requirements, { 'child-age': 8, 'previous-card': 'have-it' })).not.toContain('identity-photo');
  });
  it('has photos valid 6 months and birth-certificate copies valid 3 months for a marriage', () => {
    expect(artefact('identity-photo').validity?.issued_within).toEqual({ months: 6 });
    expect(artefact('birth-certificate-copy-belgium').validity?.issued_within).toEqual({ months: 3 });
  });
  it('charges the residence-card fee that matches card, age and urgency', () => {
    const p = procedure('residence-card');
    const applying = (a: Answers) => p.fees.filter((f) => holds(f.when, a)).map((f) => f.id);
    expect(applying({ 'card-type': 'b', age: 30, urgent: false })).toEqual(['adult-card']);
    expect(applying({ 'card-type': 'eu-plus', age: 30, urgent: false })).toEqual(['adult-eu-card']);
    expect(applying({ 'card-type': 'k', age: 8, urgent: true })).toEqual(['child-urgent-abkl']);
    expect(applying({ 'card-type': 'f-plus', age: 8, urgent: false })).toEqual(['child-card-eu']);
    expect(applying({ 'card-type': 'asylum', age: 20, urgent: false })).toEqual(['asylum-document']);
  });
});

describe('civil status (seed 001)', () => {
  it('declares a birth within 15 days in Belgium, one week in Germany', () => {
    const p = procedure('birth-declaration');
    expect(p.delays.find((d) => d.id === 'declaration')?.duration).toEqual({ days: 15 });
    expect(p.delays.find((d) => d.id === 'germany')?.duration).toEqual({ weeks: 1 });
    expect(failing(p, { 'parents-married': false, 'prenatal-recognition': false })).toEqual([]);
    expect(p.eligibility.filter((e) => holds(e.when, { 'parents-married': false, 'prenatal-recognition': false })).map((e) => e.id)).toEqual(['who-declares-mother']);
  });
  it('declares a marriage at least 15 days before, the wedding 15 days to 6 months after', () => {
    const p = procedure('marriage-declaration');
    expect(p.delays.find((d) => d.id === 'declare-before')?.duration).toEqual({ days: 15 });
    const window = p.delays.find((d) => d.id === 'wedding-window')!;
    expect([window.at_least, window.duration]).toEqual([{ days: 15 }, { months: 6 }]);
    expect(required(p.requirements, { 'born-in-belgium': false, 'registered-in-belgium': false })).toEqual(
      expect.arrayContaining(['foreign-birth-certificate', 'foreign-nationality-certificate', 'single-status-certificate', 'marriage-residence-certificate']),
    );
  });
  it('transcribes a foreign licence with a sworn translation only outside French, Dutch, German and English', () => {
    const p = procedure('driving-licence');
    expect(required(p.requirements, { 'licence-type': 'foreign-transcription', 'licence-language': 'other', 'has-eid': true })).toContain('sworn-translation');
    expect(required(p.requirements, { 'licence-type': 'foreign-transcription', 'licence-language': 'fr-nl-de-en', 'has-eid': true })).not.toContain('sworn-translation');
    expect(required(p.requirements, { 'licence-type': 'provisional', 'has-eid': false })).toContain('identity-photo');
  });
  it('keeps the naturalisation conditions: 2 years for stateless persons', () => {
    const p = procedure('naturalisation');
    expect(failing(p, { age: 30, route: 'stateless', 'main-residence-in-belgium': true, 'years-legal-residence': 1 })).toEqual(['stateless-2-years']);
    expect(failing(p, { age: 30, route: 'stateless', 'main-residence-in-belgium': true, 'years-legal-residence': 2 })).toEqual([]);
  });
  it('gets the criminal-record extract online, by e-mail where allowed, at the desk, or from the central record when abroad', () => {
    const sources = artefact('criminal-record-extract').sources;
    expect(sources.map((s) => s.kind)).toEqual(['online-request', 'email', 'commune-visit', 'email']);
    expect(sources[1]!.agent_does.fr).toMatch(/population@eupen\.be/);
    expect(sources[1]!.agent_does.fr).toMatch(/jamais renvoyé par e-mail/);
  });
});

describe('honesty and languages', () => {
  it('flags every source as not confirmed by a real user', () => {
    expect(catalog.artefacts.flatMap((a) => a.sources).every((s) => s.confirmed_by_user === false)).toBe(true);
  });
  it('titles procedures and artefacts in the four languages, and acting texts in French and English at least', () => {
    for (const entry of [...catalog.procedures, ...catalog.artefacts]) {
      expect(Object.keys(entry.title).sort(), entry.id).toEqual(['de', 'en', 'fr', 'nl']);
    }
    for (const s of catalog.artefacts.flatMap((a) => a.sources)) {
      for (const text of [s.agent_does, s.user_does, s.to_resume]) expect(text.en, s.id).toBeTruthy();
    }
  });
});

describe('portal pages and communes', () => {
  const page = (id: string) => catalog.pages.find((p) => p.id === id)!;
  it('has the pages other parts of Be Civic test against', () => {
    for (const id of ['my-belgium-home', 'csam-login', 'mon-dossier-certificates', 'irisbox-form-landing', 'imio-form', 'eloket-product', 'fps-e-appointment-booking']) {
      expect(page(id), id).toBeDefined();
    }
    expect(page('csam-login').role).toBe('login');
    expect(page('csam-login').explains?.en).toMatch(/itsme.*eID.*PIN.*security code/s);
    expect(page('fps-e-appointment-booking').role).toBe('booking');
    expect(catalog.portals.find((p) => p.id === page('fps-e-appointment-booking').portal)?.access).toBe('on-demand');
  });
  it('does not say my.belgium.be serves the certified ID copy: seed 000 calls it a pre-step', () => {
    expect(page('my-belgium-home').serves).toEqual([]);
    expect(page('my-belgium-home').notes?.en).toMatch(/pre-step/);
  });
  it('recognises each portal’s demo fixture at the page’s own example URL', () => {
    for (const portal of catalog.portals) {
      const file = join(ROOT, portal.fixture!);
      expect(existsSync(file), portal.id).toBe(true);
      const html = readFileSync(file, 'utf8');
      expect(html, portal.id).toMatch(/démonstration|demokopie|demo copy/i);
      const probe = probeOf(parseHTML(html).document);
      const first = catalog.pages.find((p) => p.portal === portal.id)!;
      const found = recognise(index, first.examples[0]!, probe).map((m) => m.page);
      expect(found[0], `${portal.id} at ${first.examples[0]}`).toBe(first.id);
    }
  });
  it('knows the 19 Brussels communes by NIS code, on IRISbox, the City of Brussels on MyBXL', () => {
    const brussels = catalog.communes.filter((c) => c.region === 'brussels');
    expect(brussels.map((c) => c.nis).sort()).toEqual(Array.from({ length: 19 }, (_, i) => `210${String(i + 1).padStart(2, '0')}`));
    expect(brussels.filter((c) => c.eguichet?.host !== 'irisbox.irisnet.be').map((c) => c.id)).toEqual(['bruxelles']);
    expect(commune('bruxelles').eguichet).toMatchObject({ platform: 'mybxl', host: 'www.mybxl.be' });
    expect(commune('eupen').nis).toBe('63023');
    expect(commune('auderghem').booking.find((b) => b.kind === 'online')?.services.find((s) => s.for === 'eu-registration-annex-19')?.choose.nl).toMatch(/MIGRATIE - 1ste registratie/);
  });
});
