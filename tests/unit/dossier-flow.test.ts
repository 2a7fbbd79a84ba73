import { describe, expect, it } from 'vitest';
import type { Condition, Procedure } from '../../src/catalog/compiled';
import catalog from '../../src/catalog/bundled';
import { assessEligibility, nextQuestion, pruneAnswers, routeQuestion, visibleQuestions } from '../../src/dossier/flow';
import { evaluateCondition, type Answer, type Answers } from '../../src/dossier/requirements';
import { describeReason } from '../../src/dossier/describe';

const twelveBis = catalog.procedures.find((p) => p.id === 'nationality-declaration-12bis')!;

/** The state of every route (paragraph) for these answers. */
const routes = (answers: Answers) => Object.fromEntries(assessEligibility(twelveBis, answers).routes.map((r) => [r.id, r.state]));
const route = (answers: Answers, id: string) => assessEligibility(twelveBis, answers).routes.find((r) => r.id === id)!;
/** Every failing reason of a route, as "fact=answer" pairs. */
const why = (answers: Answers, id: string) => route(answers, id).rules.flatMap((r) => r.reasons.map((x) => `${x.fact}=${x.answer}`));

/** Someone who fits no paragraph: 30, born abroad, 3 years in Belgium, no Belgian family, able to work. */
const newcomer: Answers = {
  age: 30,
  'born-in-belgium': false,
  'years-legal-residence': 3,
  'unlimited-stay': true,
  'married-to-belgian': false,
  'parent-of-belgian-minor': false,
  'cannot-work': 'no',
};

describe('the 12bis question flow, driven by the catalog (seed 003)', () => {
  it('offers the five paragraphs of art. 12bis §1 as routes', () => {
    expect(routeQuestion(twelveBis)?.id).toBe('paragraph');
    expect(assessEligibility(twelveBis, {}).routes.map((r) => r.id)).toEqual(['para-1', 'para-2', 'para-3', 'para-4', 'para-5']);
  });

  it('asks follow-up questions only when they matter', () => {
    const shown = (answers: Answers) => visibleQuestions(twelveBis, answers).map((q) => q.id);
    expect(shown({})).not.toContain('resided-since-birth');
    expect(shown({ 'born-in-belgium': true })).toContain('resided-since-birth');
    expect(shown({ 'married-to-belgian': true })).toContain('years-living-with-spouse');
    expect(shown({ 'has-foreign-documents': true })).toContain('country-of-issue');
    expect(nextQuestion(twelveBis, {})?.id).toBe(twelveBis.questions[0]!.id);
  });

  it('drops answers to questions that a changed answer hides', () => {
    const answers = { ...newcomer, 'married-to-belgian': true, 'years-living-with-spouse': 4 };
    expect(pruneAnswers(twelveBis, { ...answers, 'married-to-belgian': false })).toEqual(newcomer);
    expect(pruneAnswers(twelveBis, { ...newcomer, unknown: 'x' })).toEqual(newcomer);
  });

  it('rejects every paragraph for a newcomer, each with the answers that rule it out', () => {
    expect(routes(newcomer)).toEqual({ 'para-1': 'rejected', 'para-2': 'rejected', 'para-3': 'rejected', 'para-4': 'rejected', 'para-5': 'rejected' });
    expect(assessEligibility(twelveBis, newcomer).noneFits).toBe(true);
    expect(why(newcomer, 'para-1')).toEqual(['born-in-belgium=false']);
    expect(why(newcomer, 'para-2')).toEqual(['years-legal-residence=3']);
    expect(why(newcomer, 'para-3')).toEqual(['years-legal-residence=3', 'married-to-belgian=false', 'parent-of-belgian-minor=false']);
    expect(why(newcomer, 'para-4')).toEqual(['years-legal-residence=3', 'cannot-work=no', 'age=30']);
    expect(why(newcomer, 'para-5')).toEqual(['years-legal-residence=3']);
    const reason = route(newcomer, 'para-5').rules.find((r) => r.state === 'fails')!.reasons[0]!;
    expect(describeReason(twelveBis, reason, 'en')).toBe('For how many years have you lived in Belgium legally and without a break? — your answer: 3; needs at least 10');
    expect(describeReason(twelveBis, route(newcomer, 'para-4').rules.find((r) => r.rule.id === 'para-4-cannot-work')!.reasons[0]!, 'fr')).toBe(
      'Ne pouvez-vous plus travailler à cause d’un handicap ou d’une invalidité ? — votre réponse : Non; il faut l’un de : Oui, un handicap, Oui, une invalidité',
    );
  });

  it('reaches 1° when born in Belgium and always lived here', () => {
    const answers = { ...newcomer, 'born-in-belgium': true, 'resided-since-birth': true };
    expect(routes(answers)['para-1']).toBe('fits');
    expect(why({ ...answers, 'resided-since-birth': false }, 'para-1')).toEqual(['resided-since-birth=false']);
  });

  it('reaches 2° with five years, 5° only with ten', () => {
    expect(routes({ ...newcomer, 'years-legal-residence': 5 })).toMatchObject({ 'para-2': 'fits', 'para-5': 'rejected' });
    expect(routes({ ...newcomer, 'years-legal-residence': 10 })).toMatchObject({ 'para-2': 'fits', 'para-5': 'fits' });
    // 2° is decided by answers, but integration, language and work are for documents to prove.
    expect(route({ ...newcomer, 'years-legal-residence': 5 }, 'para-2').rules.map((r) => [r.rule.id, r.state])).toEqual([
      ['para-2-5-years', 'holds'],
      ['para-2-integration', 'to-prove'],
    ]);
  });

  it('reaches 3° by three years of marriage to a Belgian, or by a Belgian child, but not by a recent marriage', () => {
    const settled = { ...newcomer, 'years-legal-residence': 6 };
    expect(routes({ ...settled, 'married-to-belgian': true, 'years-living-with-spouse': 3 })['para-3']).toBe('fits');
    expect(why({ ...settled, 'married-to-belgian': true, 'years-living-with-spouse': 2 }, 'para-3')).toEqual(['years-living-with-spouse=2', 'parent-of-belgian-minor=false']);
    expect(routes({ ...settled, 'parent-of-belgian-minor': true })['para-3']).toBe('fits');
  });

  it('reaches 4° by disability, invalidity or pension age', () => {
    const settled = { ...newcomer, 'years-legal-residence': 6 };
    expect(routes({ ...settled, 'cannot-work': 'disability' })['para-4']).toBe('fits');
    expect(routes({ ...settled, 'cannot-work': 'invalidity' })['para-4']).toBe('fits');
    expect(routes({ ...settled, age: 65 })['para-4']).toBe('fits');
  });

  it('judges the rules for everyone once, and names what a route still waits for', () => {
    const minor = assessEligibility(twelveBis, { ...newcomer, age: 17 });
    expect(minor.general.find((r) => r.rule.id === 'adult')).toMatchObject({ state: 'fails', reasons: [{ fact: 'age', answer: 17 }] });
    expect(minor.noneFits).toBe(true);
    const early = assessEligibility(twelveBis, { 'years-legal-residence': 6 });
    expect(early.routes.find((r) => r.id === 'para-3')).toMatchObject({ state: 'open' });
    expect(early.routes.find((r) => r.id === 'para-3')!.rules.find((r) => r.state === 'open')?.missing).toEqual(['married-to-belgian', 'parent-of-belgian-minor']);
    expect(early.general.find((r) => r.rule.id === 'adult')).toMatchObject({ state: 'open', missing: ['age'] });
  });

  it('marks the route the user picked', () => {
    expect(assessEligibility(twelveBis, { ...newcomer, paragraph: 'para-5' }).routes.filter((r) => r.chosen).map((r) => r.id)).toEqual(['para-5']);
  });
});

/** Candidate answers for a question: its choices, yes/no, or numbers around every threshold the rules use. */
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
  conditionsOf(procedure).forEach(visit);
  if (question.kind === 'number') mentioned.push(0);
  if (question.kind === 'country') mentioned.push('FR');
  if (question.kind === 'date') mentioned.push('2020-01-01');
  return [...new Set(mentioned)];
}

function conditionsOf(procedure: Procedure): Condition[] {
  return [...procedure.eligibility.flatMap((e) => [e.when, e.requires]), ...procedure.questions.map((q) => q.when)].filter((c): c is Condition => Boolean(c));
}

function facts(condition: Condition): string[] {
  if ('not' in condition) return facts(condition.not);
  if ('all' in condition) return condition.all.flatMap(facts);
  if ('any' in condition) return condition.any.flatMap(facts);
  return [condition.fact];
}

/**
 * Every complete answer set reachable from `start` by answering the shown questions in order.
 * Questions no rule looks at get one answer only.
 */
function reachable(procedure: Procedure, start: Answers, limit = 50_000): Answers[] {
  const relevant = new Set(procedure.eligibility.flatMap((e) => [e.when, e.requires]).filter((c): c is Condition => Boolean(c)).flatMap(facts));
  const out: Answers[] = [];
  const walk = (answers: Answers) => {
    if (out.length >= limit) return;
    const next = nextQuestion(procedure, answers);
    if (!next) return void out.push(answers);
    const values = candidates(procedure, next);
    for (const value of relevant.has(next.id) ? values : values.slice(0, 1)) walk({ ...answers, [next.id]: value });
  };
  walk(start);
  return out;
}

describe('every route of every catalog procedure', () => {
  const withRoutes = catalog.procedures.filter((p) => routeQuestion(p));
  it('includes the nationality declaration', () => expect(withRoutes.map((p) => p.id)).toContain('nationality-declaration-12bis'));
  it.each(withRoutes.map((p) => [p.id, p] as const))(
    '%s: each route can be reached, and one with a rule the answers decide can be rejected for a true reason',
    (_, procedure) => {
      const question = routeQuestion(procedure)!;
      for (const choice of question.choices!) {
        // The user picks the route first: some questions are only asked for one route.
        const sets = reachable(procedure, { [question.id]: choice.id });
        expect(sets.length).toBeLessThan(50_000);
        const judged = sets.map((answers) => ({ answers, view: assessEligibility(procedure, answers), route: assessEligibility(procedure, answers).routes.find((r) => r.id === choice.id)! }));
        expect(judged.some(({ view, route }) => !view.noneFits && route.state === 'fits'), `${choice.id} fits some answers`).toBe(true);
        const decidable = procedure.eligibility.some((r) => r.requires && (!r.when || evaluateCondition(r.when, { [question.id]: choice.id }) !== false) && r.when);
        const rejected = judged.filter(({ route }) => route.state === 'rejected');
        if (decidable) expect(rejected.length, `${choice.id} is rejected by some answers`).toBeGreaterThan(0);
        const untrue: string[] = [];
        for (const { answers, view, route } of rejected) {
          // A route is rejected by its own rules or by a general one (e.g. no unlimited stay) it names.
          const failing = [...route.rules, ...view.general.filter((g) => route.blockedBy.includes(g.rule.id))].filter((r) => r.state === 'fails');
          if (failing.length === 0) untrue.push(`${choice.id} rejected without a failing rule: ${JSON.stringify(answers)}`);
          for (const reason of failing.flatMap((r) => r.reasons)) {
            // The reason really is one: a question's answer on which its condition fails (or, negated, holds).
            const real =
              procedure.questions.some((q) => q.id === reason.fact) &&
              evaluateCondition(reason.expected, answers) === reason.negated &&
              reason.answer === answers[reason.fact];
            if (!real) untrue.push(`${choice.id}: ${JSON.stringify(reason)} for ${JSON.stringify(answers)}`);
          }
        }
        expect(untrue).toEqual([]);
      }
    },
    60_000,
  );
});
