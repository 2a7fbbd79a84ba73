/**
 * What the catalog knows reaches the applicant: the three dossiers of issue 16 (a Moroccan-born
 * nationality declarant in Auderghem, an Italian employee's EU registration in Auderghem, a Belgian in
 * Luxembourg renewing an eID at the consulate), summarised from the REAL catalog.
 */
import { describe, expect, it } from 'vitest';
import catalog from '../../src/catalog/bundled';
import { feeTotal } from '../../src/dossier/fees';
import { assessEligibility, effectiveAnswers, questionAccepts } from '../../src/dossier/flow';
import { summarise } from '../../src/dossier/summary';
import type { Answers } from '../../src/dossier/requirements';
import type { Dossier } from '../../src/model/data';

const procedure = (id: string) => catalog.procedures.find((p) => p.id === id)!;
const twelveBis = procedure('nationality-declaration-12bis');
const euRegistration = procedure('eu-registration-annex-19');
const consulate = procedure('eid-abroad-luxembourg');

const dossierOf = (procedureId: string, answers: Answers, extra: Partial<Dossier> = {}): Dossier => ({
  id: 'd',
  procedure: procedureId,
  label: 'Me',
  answers,
  choices: {},
  lang: 'en',
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});
const summary = (d: Dossier) => summarise({ catalog, dossier: d, progress: [], appointments: [], lang: 'en', today: '2026-11-23' });

/** Born in Morocco, 5 years of legal stay, working, living in Auderghem: §1 2° is the one that fits. */
const moroccan: Answers = {
  age: 34,
  'born-in-belgium': false,
  'years-legal-residence': 6,
  'unlimited-stay': true,
  'married-to-belgian': false,
  'parent-of-belgian-minor': false,
  'cannot-work': 'no',
  'has-foreign-documents': true,
  'country-of-issue': 'MA',
  'foreign-document-rule': 'apostille',
  'documents-language': 'other',
};

describe('delays, notes and visits without a commune (the consulate in Luxembourg)', () => {
  const s = summary(dossierOf(consulate.id, { 'previous-card': 'have-it' }));

  it('shows the delays and the notes the catalog holds', () => {
    expect(s.delays.map((d) => [d.id, d.duration])).toEqual([
      ['production', { weeks: 2 }],
      ['collect-within', { months: 6 }],
    ]);
    expect(s.delays[1]!.note).toContain('destroyed');
    expect(s.notes.some((n) => n.includes('6 years') && n.includes('10 years') && n.includes('30 years'))).toBe(true);
    expect(s.notes.some((n) => n.includes('€100'))).toBe(true);
  });

  it('lists both visits with who comes, what to bring and which requirement each document is for, booked with the consulate', () => {
    expect(s.visits.map((v) => v.id)).toEqual(['apply', 'collect']);
    const apply = s.visits[0]!;
    expect(apply.who).toBe('The person concerned, in person');
    expect(apply.note).toContain('No photo needed');
    expect(apply.bring.map((b) => b.artefact)).toEqual(['consulate-eid-application-form', 'residence-certificate-luxembourg', 'identity-document-copy', 'consulate-payment-proof']);
    expect(apply.bring.find((b) => b.artefact === 'residence-certificate-luxembourg')!.proves).toEqual(['Luxembourg residence certificate under 3 months old']);
    expect(apply.booking).toMatchObject({ from: 'authority', channels: [{ kind: 'online', href: expect.stringMatching(/^https:\/\/luxembourg\.diplomatie\.belgium\.be\//) }] });
    // The loss form is only for a lost or stolen card.
    expect(apply.bring.map((b) => b.artefact)).not.toContain('consulate-loss-theft-form');
  });

  it('says "ask" for a commune procedure whose commune is not chosen yet', () => {
    const visit = summary(dossierOf(twelveBis.id, moroccan)).visits[0]!;
    expect(visit.booking).toEqual({ from: 'ask', authority: 'Civil registrar of the commune of residence', communeNeeded: true });
  });
});

describe('fees per applicant (seed 004: 25 euros per person in Auderghem)', () => {
  const commune = catalog.communes.find((c) => c.id === 'auderghem')!;

  it('multiplies the per-person file fee by the applicants, and the total is exact only when every part is known', () => {
    const three = feeTotal(euRegistration, { 'eu-status': 'employee', applicants: 3 }, commune);
    const file = three.lines.find((l) => l.id === 'file-fee')!;
    expect([file.min, file.max, file.perPerson]).toEqual([75, 75, { unitMin: 25, unitMax: 25, applicants: 3, applicantsKnown: true }]);
    expect(three.lines.find((l) => l.id === 'residence-card')!.perPerson).toBeUndefined();
    expect([three.min, three.max, three.exact]).toEqual([102.2, 102.2, true]);

    const unanswered = feeTotal(euRegistration, { 'eu-status': 'employee' }, commune);
    expect([unanswered.min, unanswered.exact, unanswered.applicantsUnknown]).toEqual([52.2, false, true]);
  });

  it('lists each fee once for the dossier, not under every visit', () => {
    const s = summary(dossierOf(euRegistration.id, { 'eu-status': 'employee', applicants: 3 }, { commune: 'auderghem' }));
    expect(s.fees.lines.map((l) => l.id)).toEqual(['file-fee', 'residence-card']);
    expect(s.visits.map((v) => v.id)).toEqual(['first-appointment', 'second-appointment', 'collection']);
    for (const visit of s.visits) expect(Object.keys(visit)).not.toContain('fees');
    const first = s.visits[0]!;
    expect(first.booking.from).toBe('commune');
    expect(first.booking.from === 'commune' && first.booking.channels[0]!.choose).toContain('MIGRATIE - 1ste registratie in België');
    expect(first.refusedIfBookedNow).toBe(true);
    expect(s.delays.map((d) => [d.id, d.duration])).toEqual([['apply-within', { months: 3 }]]);
    expect(s.notes.some((n) => n.includes('IRISbox'))).toBe(true);
  });
});

describe('eligibility that never contradicts itself (art. 12bis)', () => {
  it('lets no route fit while a general condition fails', () => {
    const view = assessEligibility(twelveBis, { ...moroccan, 'unlimited-stay': false });
    expect(view.noneFits).toBe(true);
    const para2 = view.routes.find((r) => r.id === 'para-2')!;
    expect(para2.state).toBe('rejected');
    expect(para2.blockedBy).toEqual(['unlimited-stay']);
    expect(view.routes.filter((r) => r.state === 'fits')).toEqual([]);
    expect(view.onlyFit).toBeUndefined();
  });

  it('chooses the only fitting route for the user and says so; a route picked by the user stays theirs', () => {
    const view = assessEligibility(twelveBis, moroccan);
    expect(view.routes.map((r) => [r.id, r.state])).toEqual([
      ['para-1', 'rejected'],
      ['para-2', 'fits'],
      ['para-3', 'rejected'],
      ['para-4', 'rejected'],
      ['para-5', 'rejected'],
    ]);
    expect(view.onlyFit).toBe('para-2');
    expect(view.routes.find((r) => r.id === 'para-2')).toMatchObject({ chosen: true, chosenBy: 'only-fit' });
    expect(effectiveAnswers(twelveBis, moroccan).paragraph).toBe('para-2');
    const picked = assessEligibility(twelveBis, { ...moroccan, paragraph: 'para-2' }).routes.find((r) => r.id === 'para-2')!;
    expect(picked.chosenBy).toBe('user');
    // Still open answers: nothing is chosen for the user.
    expect(assessEligibility(twelveBis, { age: 34 }).onlyFit).toBeUndefined();
  });

  it('the unlimited-stay question lists exactly the cards the certified-copy requirement accepts (seed 003)', () => {
    const question = twelveBis.questions.find((q) => q.id === 'unlimited-stay')!;
    const listed = questionAccepts(twelveBis, question).map((t) => t.en);
    expect(listed).toEqual(['card F', 'card F+', 'card B', 'card C', 'card D', 'card E or annex 8', 'card E+ or annex 8bis']);
    // The label no longer carries its own (shorter) copy of the list.
    for (const text of Object.values(question.label)) expect(text).not.toMatch(/\b[BCDEF]\+?,/);
    const copy = summary(dossierOf(twelveBis.id, moroccan)).checklist.documents.find((d) => d.artefact === 'id-card-certified-copy')!;
    expect(copy.accepts).toEqual(listed);
  });
});

describe('a checklist a stressed person can read', () => {
  const s = summary(dossierOf(twelveBis.id, moroccan, { commune: 'auderghem' }));
  const item = (node: string) => s.checklist.items.find((i) => i.node === node)!;

  it('pre-chooses the foreign birth certificate for someone born abroad, the others folded away', () => {
    const [birth] = item('birth').choices;
    expect(birth!.suggested).toEqual({ alternative: 'birth-foreign-certificate', because: 'answers' });
    expect(item('birth').docs.map((d) => d.artefact)).toEqual(['foreign-birth-certificate']);
    expect(birth!.others.map((o) => o.id)).toEqual(['birth-cgra', 'birth-notoriety', 'birth-judgment']);
  });

  it('shows the consular document only when the country of birth records is one it is for', () => {
    const afghan = summary(dossierOf(twelveBis.id, { ...moroccan, 'country-of-issue': 'AF', 'foreign-document-rule': 'legalisation' }));
    expect(afghan.checklist.items.find((i) => i.node === 'birth')!.choices[0]!.others.map((o) => o.id)).toContain('birth-consular');
  });

  it('lists the diploma once, saying it proves integration and language', () => {
    expect(item('social-integration').choices[0]!.suggested).toEqual({ alternative: 'integration-diploma', because: 'listed-first' });
    expect(item('language').choices[0]!.suggested).toEqual({ alternative: 'language-diploma', because: 'same-document' });
    const diplomas = s.checklist.documents.filter((d) => d.artefact === 'secondary-diploma');
    expect(diplomas).toHaveLength(1);
    expect(diplomas[0]!.proves).toEqual(['Social integration', 'Knowledge of a national language (level A2)']);
  });

  it('marks the my.belgium.be check as a pre-step and the commune as the only one who stamps the copy', () => {
    const copy = s.checklist.documents.find((d) => d.artefact === 'id-card-certified-copy')!;
    expect(copy.preStep?.source).toBe('my-belgium');
    expect(copy.onlyCommune).toBe(true);
    const next = s.tree.children.find((c) => c.id === 'unlimited-stay-proof')!.item!.next!;
    expect(next.source).toBe('commune-desk');
  });

  it('brings every document of the situation to the 12bis desk (all nine, not four)', () => {
    const bring = s.visits[0]!.bring.map((b) => b.artefact);
    expect(bring).toEqual(s.checklist.documents.map((d) => d.artefact));
    expect(bring).toEqual([
      'id-card-certified-copy',
      'foreign-birth-certificate',
      'apostille',
      'sworn-translation',
      'residence-history-certificate',
      'secondary-diploma',
      'work-468-days-proof',
      'employment-contract',
      'registration-fee-receipt',
    ]);
  });
});

describe('translation advice only for the documents that need it', () => {
  it('gives the foreign birth certificate the rules of its country, and nothing else', () => {
    const s = summary(dossierOf(twelveBis.id, moroccan));
    const advised = s.checklist.documents.filter((d) => d.documentRules).map((d) => d.artefact);
    expect(advised).toEqual(['foreign-birth-certificate']);
    expect(s.documentRules).toMatchObject({ country: 'MA', authentication: 'apostille', translation: 'sworn' });
  });

  it('announces no translation to an Italian employee whose only foreign document is a passport', () => {
    const s = summary(dossierOf(euRegistration.id, { 'eu-status': 'employee', applicants: 1 }, { commune: 'auderghem', countryOfIssue: 'IT' }));
    expect(s.checklist.documents.map((d) => d.artefact)).toContain('national-passport-or-id');
    expect(s.checklist.documents.some((d) => d.documentRules)).toBe(false);
    expect(s.documentRules).toBeUndefined();
  });

  it('advises an Italian family member on the family-link record (a civil-status record)', () => {
    const s = summary(dossierOf(euRegistration.id, { 'eu-status': 'family-member', applicants: 1 }, { countryOfIssue: 'IT' }));
    expect(s.checklist.documents.filter((d) => d.documentRules).map((d) => d.artefact)).toEqual(['family-link-proof']);
    expect(s.documentRules).toMatchObject({ country: 'IT', authentication: 'exempt' });
  });
});
