import { describe, expect, it } from 'vitest';
import type { Condition, Procedure } from '../../src/catalog/compiled';
import catalog from '../../src/catalog/bundled';
import { assessEligibility, nextQuestion, pruneAnswers, visibleQuestions, type Verdict } from '../../src/dossier/flow';
import { evaluateCondition, type Answer, type Answers } from '../../src/dossier/requirements';
import { describeReason } from '../../src/dashboard/describe';

/**
 * Art. 12bis §1 as seed 003 states it, in plain questions: 1° born in Belgium; 2° five years' legal
 * residence (plus integration and work, proven by documents); 3° five years and married to a Belgian
 * (living together for three years) or parent of a Belgian minor; 4° five years and disabled, invalid
 * or of pension age; 5° ten years.
 */
const twelveBis = {
  id: 'nationality-12bis-fixture',
  title: { fr: 'Déclaration de nationalité' },
  authority: { fr: 'Commune' },
  legal_basis: 'Code de la nationalité belge, art. 12bis §1',
  regions: ['federal'],
  questions: [
    { id: 'born-in-belgium', kind: 'boolean', label: { fr: 'Né(e) en Belgique ?', en: 'Born in Belgium?' } },
    { id: 'years-legal-residence', kind: 'number', label: { fr: 'Années de séjour légal ?', en: 'Years of legal residence?' } },
    {
      id: 'married-to-belgian',
      kind: 'boolean',
      label: { fr: 'Marié(e) à un(e) Belge, 3 ans de vie commune ?', en: 'Married to a Belgian, living together 3 years?' },
      when: { fact: 'years-legal-residence', at_least: 5 },
    },
    { id: 'parent-of-belgian-minor', kind: 'boolean', label: { fr: 'Parent d’un enfant belge mineur ?', en: 'Parent of a Belgian minor?' }, when: { fact: 'years-legal-residence', at_least: 5 } },
    {
      id: 'disability-or-pension',
      kind: 'choice',
      label: { fr: 'Handicap, invalidité ou âge de la pension ?', en: 'Disability, invalidity or pension age?' },
      choices: [
        { id: 'none', label: { fr: 'Aucun', en: 'None' } },
        { id: 'disability', label: { fr: 'Handicap', en: 'Disability' } },
        { id: 'invalidity', label: { fr: 'Invalidité', en: 'Invalidity' } },
        { id: 'pension', label: { fr: 'Âge de la pension', en: 'Pension age' } },
      ],
      when: { fact: 'years-legal-residence', at_least: 5 },
    },
  ],
  eligibility: [
    { id: 'p1-born', text: { fr: '1° né en Belgique', en: '1° born in Belgium' }, when: { fact: 'born-in-belgium', equals: true } },
    { id: 'p2-five-years', text: { fr: '2° cinq ans', en: '2° five years' }, when: { fact: 'years-legal-residence', at_least: 5 } },
    {
      id: 'p3-family',
      text: { fr: '3° lien familial', en: '3° family tie' },
      when: {
        all: [
          { fact: 'years-legal-residence', at_least: 5 },
          { any: [{ fact: 'married-to-belgian', equals: true }, { fact: 'parent-of-belgian-minor', equals: true }] },
        ],
      },
    },
    {
      id: 'p4-disability',
      text: { fr: '4° handicap, invalidité, pension', en: '4° disability, invalidity, pension' },
      when: { all: [{ fact: 'years-legal-residence', at_least: 5 }, { not: { fact: 'disability-or-pension', equals: 'none' } }] },
    },
    { id: 'p5-ten-years', text: { fr: '5° dix ans', en: '5° ten years' }, when: { fact: 'years-legal-residence', at_least: 10 } },
  ],
  requirements: { id: 'root', allOf: [{ id: 'id', artefact: 'id-card-certified-copy' }] },
  fees: [],
  delays: [],
  visits: [],
  notes: [],
  provenance: ['seeds/003_ee23f2e5ba3cb84e.txt'],
  last_verified: '2026-11-23',
} as unknown as Procedure;

const state = (verdicts: Verdict[]) => Object.fromEntries(verdicts.map((v) => [v.route.id, v.state]));

describe('12bis question flow (seed 003)', () => {
  it('asks the family and disability questions only once five years of residence are stated', () => {
    expect(visibleQuestions(twelveBis, {}).map((q) => q.id)).toEqual(['born-in-belgium', 'years-legal-residence']);
    expect(visibleQuestions(twelveBis, { 'years-legal-residence': 3 }).map((q) => q.id)).toEqual(['born-in-belgium', 'years-legal-residence']);
    expect(visibleQuestions(twelveBis, { 'years-legal-residence': 6 }).map((q) => q.id)).toContain('disability-or-pension');
    expect(nextQuestion(twelveBis, { 'born-in-belgium': false })?.id).toBe('years-legal-residence');
    expect(nextQuestion(twelveBis, { 'born-in-belgium': false, 'years-legal-residence': 2 })).toBeUndefined();
  });

  it('drops answers to questions that a changed answer hides', () => {
    const answers = { 'born-in-belgium': false, 'years-legal-residence': 7, 'married-to-belgian': true, 'disability-or-pension': 'pension' };
    expect(pruneAnswers(twelveBis, { ...answers, 'years-legal-residence': 2 })).toEqual({ 'born-in-belgium': false, 'years-legal-residence': 2 });
    expect(pruneAnswers(twelveBis, { ...answers, unknown: 'x' })).toEqual(answers);
  });

  it('reaches 1° with only "born in Belgium", and explains why 2° to 5° do not fit', () => {
    const verdicts = assessEligibility(twelveBis, { 'born-in-belgium': true, 'years-legal-residence': 2 });
    expect(state(verdicts)).toEqual({ 'p1-born': 'fits', 'p2-five-years': 'rejected', 'p3-family': 'rejected', 'p4-disability': 'rejected', 'p5-ten-years': 'rejected' });
    const p5 = verdicts.find((v) => v.route.id === 'p5-ten-years')!;
    expect(p5.reasons).toEqual([{ fact: 'years-legal-residence', answer: 2, expected: { fact: 'years-legal-residence', at_least: 10 }, negated: false }]);
    expect(describeReason(twelveBis, p5.reasons[0]!, 'en')).toBe('Years of legal residence? — your answer: 2; needs at least 10');
    expect(describeReason(twelveBis, p5.reasons[0]!, 'fr')).toBe('Années de séjour légal ? — votre réponse : 2; il faut au moins 10');
  });

  it('reaches 2° with five years, 3° by marriage or by a Belgian child, 4° by disability, 5° with ten years', () => {
    const base = { 'born-in-belgium': false, 'years-legal-residence': 6, 'married-to-belgian': false, 'parent-of-belgian-minor': false, 'disability-or-pension': 'none' };
    expect(state(assessEligibility(twelveBis, base))).toEqual({ 'p1-born': 'rejected', 'p2-five-years': 'fits', 'p3-family': 'rejected', 'p4-disability': 'rejected', 'p5-ten-years': 'rejected' });
    expect(state(assessEligibility(twelveBis, { ...base, 'married-to-belgian': true }))['p3-family']).toBe('fits');
    expect(state(assessEligibility(twelveBis, { ...base, 'parent-of-belgian-minor': true }))['p3-family']).toBe('fits');
    expect(state(assessEligibility(twelveBis, { ...base, 'disability-or-pension': 'invalidity' }))['p4-disability']).toBe('fits');
    expect(state(assessEligibility(twelveBis, { ...base, 'years-legal-residence': 10 }))['p5-ten-years']).toBe('fits');
  });

  it('names both family answers when 3° does not fit, and the "none" answer when 4° does not', () => {
    const verdicts = assessEligibility(twelveBis, { 'born-in-belgium': false, 'years-legal-residence': 6, 'married-to-belgian': false, 'parent-of-belgian-minor': false, 'disability-or-pension': 'none' });
    const p3 = verdicts.find((v) => v.route.id === 'p3-family')!;
    expect(p3.reasons.map((r) => r.fact)).toEqual(['married-to-belgian', 'parent-of-belgian-minor']);
    const p4 = verdicts.find((v) => v.route.id === 'p4-disability')!;
    expect(p4.reasons).toEqual([{ fact: 'disability-or-pension', answer: 'none', expected: { fact: 'disability-or-pension', equals: 'none' }, negated: true }]);
    expect(describeReason(twelveBis, p4.reasons[0]!, 'en')).toBe('Disability, invalidity or pension age? — your answer: None; needs anything but: None');
    const p1 = verdicts.find((v) => v.route.id === 'p1-born')!;
    expect(describeReason(twelveBis, p1.reasons[0]!, 'nl')).toBe('Born in Belgium? — uw antwoord: Nee; nodig: Ja');
  });

  it('keeps a route open, naming the questions it waits for, until they are answered', () => {
    const verdicts = assessEligibility(twelveBis, { 'years-legal-residence': 6 });
    const p3 = verdicts.find((v) => v.route.id === 'p3-family')!;
    expect(p3.state).toBe('open');
    expect(p3.missing).toEqual(['married-to-belgian', 'parent-of-belgian-minor']);
    expect(verdicts.find((v) => v.route.id === 'p1-born')!.missing).toEqual(['born-in-belgium']);
  });
});

/** Candidate answers for a question: its choices, yes/no, or numbers around every threshold the catalog uses. */
function candidates(procedure: Procedure, question: Procedure['questions'][number]): Answer[] {
  if (question.kind === 'boolean') return [true, false];
  if (question.kind === 'choice') return (question.choices ?? []).map((c) => c.id);
  const mentioned: Answer[] = [];
  const visit = (c: Condition) => {
    if ('not' in c) return visit(c.not);
    if ('all' in c) return c.all.forEach(visit);
    if ('any' in c) return c.any.forEach(visit);
    if (c.fact !== question.id) return;
    if ('at_least' in c) mentioned.push(c.at_least, c.at_least - 1);
    if ('below' in c) mentioned.push(c.below, c.below - 1);
    if ('equals' in c) mentioned.push(c.equals);
    if ('in' in c) mentioned.push(...c.in);
  };
  const conditions = [...procedure.eligibility.map((e) => e.when), ...procedure.questions.map((q) => q.when)].filter((c): c is Condition => Boolean(c));
  conditions.forEach(visit);
  if (question.kind === 'number') mentioned.push(0);
  if (question.kind === 'country') mentioned.push('BE', 'FR', 'MA');
  return [...new Set(mentioned)];
}

/** Every complete answer set reachable by answering the shown questions in order (depth-first). */
function reachable(procedure: Procedure, limit = 20_000): Answers[] {
  const out: Answers[] = [];
  const walk = (answers: Answers) => {
    if (out.length >= limit) return;
    const next = nextQuestion(procedure, answers);
    if (!next) return void out.push(answers);
    for (const value of candidates(procedure, next)) walk({ ...answers, [next.id]: value });
  };
  walk({});
  return out;
}

describe('every eligibility route (the fixture above and every catalog procedure)', () => {
  const withRoutes = [twelveBis, ...catalog.procedures.filter((p) => p.eligibility.some((e) => e.when))];
  it.each(withRoutes.map((p) => [p.id, p] as const))('%s: each route can be reached, and rejected for a true reason', (_, procedure) => {
    const sets = reachable(procedure);
    for (const route of procedure.eligibility.filter((e) => e.when)) {
      const verdicts = sets.map((answers) => ({ answers, verdict: assessEligibility(procedure, answers).find((v) => v.route.id === route.id)! }));
      expect(verdicts.some((v) => v.verdict.state === 'fits'), `${route.id} fits some answers`).toBe(true);
      const rejected = verdicts.filter((v) => v.verdict.state === 'rejected');
      expect(rejected.length, `${route.id} is rejected by some answers`).toBeGreaterThan(0);
      for (const { answers, verdict } of rejected) {
        expect(verdict.reasons.length).toBeGreaterThan(0);
        for (const reason of verdict.reasons) {
          expect(procedure.questions.some((q) => q.id === reason.fact)).toBe(true);
          // The reason really is one: its condition fails (or, negated, holds) on the user's answer.
          expect(evaluateCondition(reason.expected, answers)).toBe(reason.negated);
          expect(reason.answer).toBe(answers[reason.fact]);
        }
      }
    }
  });
});
