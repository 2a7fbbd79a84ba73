/**
 * The set-up question flow, driven by the catalog: which of a procedure's plain questions to ask given
 * the answers so far, which eligibility routes (e.g. the paragraphs 1° to 5° of art. 12bis §1) fit,
 * and — for the routes that do not — which answers rule them out and what they would need. Pure: the
 * dashboard renders it, the PDF prints it, the unit tests drive it with the real catalog.
 */
import type { Condition, Procedure } from '../catalog/compiled';
import { evaluateCondition, type Answer, type Answers } from './requirements';

type Question = Procedure['questions'][number];
type Eligibility = Procedure['eligibility'][number];
/** A condition on one fact: the part of a condition an explanation points at. */
export type Leaf = Extract<Condition, { fact: string }>;

/**
 * The questions to show now: those without a condition, and those whose condition holds for the
 * answers so far. A question whose condition depends on an unanswered one waits until it is answered.
 */
export function visibleQuestions(procedure: Procedure, answers: Answers): Question[] {
  return procedure.questions.filter((q) => !q.when || evaluateCondition(q.when, answers) === true);
}

/**
 * Drops answers to questions that are no longer shown (the user changed an earlier answer) and to
 * questions the procedure does not ask, repeating until stable because hiding one question can hide
 * another that depends on it.
 */
export function pruneAnswers(procedure: Procedure, answers: Answers): Answers {
  let current: Answers = { ...answers };
  for (;;) {
    const shown = new Set(visibleQuestions(procedure, current).map((q) => q.id));
    const next = Object.fromEntries(Object.entries(current).filter(([fact]) => shown.has(fact)));
    if (Object.keys(next).length === Object.keys(current).length) return next;
    current = next;
  }
}

/** The first shown question not answered yet, or undefined once the set-up is complete. */
export function nextQuestion(procedure: Procedure, answers: Answers): Question | undefined {
  return visibleQuestions(procedure, answers).find((q) => answers[q.id] === undefined);
}

/** One answer that rules a route out: the fact, the user's answer, and the condition it fails. */
export interface Reason {
  fact: string;
  answer: Answer;
  expected: Leaf;
  /** True when the route needs the condition NOT to hold (it came from a `not`). */
  negated: boolean;
}

export type VerdictState = 'fits' | 'rejected' | 'open';

export interface Verdict {
  route: Eligibility;
  state: VerdictState;
  /** For a rejected route: the answers that rule it out. */
  reasons: Reason[];
  /** For an open route: the questions still to answer (ids). */
  missing: string[];
}

/**
 * The leaves that make `condition` false. A leaf reached through a `not` is one that holds while the
 * route needs it not to (negated); whyTrue finds those, and a `not` inside it switches back.
 */
function whyFalse(condition: Condition, answers: Answers): Reason[] {
  if ('not' in condition) return whyTrue(condition.not, answers);
  if ('all' in condition) return condition.all.filter((c) => evaluateCondition(c, answers) === false).flatMap((c) => whyFalse(c, answers));
  if ('any' in condition) return condition.any.flatMap((c) => whyFalse(c, answers));
  return [{ fact: condition.fact, answer: answers[condition.fact]!, expected: condition, negated: false }];
}

function whyTrue(condition: Condition, answers: Answers): Reason[] {
  if ('not' in condition) return whyFalse(condition.not, answers);
  if ('all' in condition) return condition.all.flatMap((c) => whyTrue(c, answers));
  if ('any' in condition) {
    const first = condition.any.find((c) => evaluateCondition(c, answers) === true);
    return first ? whyTrue(first, answers) : [];
  }
  return [{ fact: condition.fact, answer: answers[condition.fact]!, expected: condition, negated: true }];
}

/** The facts a condition names that have no answer yet, in order, without repeats. */
export function unansweredFacts(condition: Condition, answers: Answers): string[] {
  const out: string[] = [];
  const visit = (c: Condition) => {
    if ('not' in c) visit(c.not);
    else if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if (answers[c.fact] === undefined && !out.includes(c.fact)) out.push(c.fact);
  };
  visit(condition);
  return out;
}

/** Every eligibility route of the procedure, with whether it fits the answers and why not. */
export function assessEligibility(procedure: Procedure, answers: Answers): Verdict[] {
  return procedure.eligibility.map((route) => {
    if (!route.when) return { route, state: 'fits', reasons: [], missing: [] };
    const truth = evaluateCondition(route.when, answers);
    if (truth === true) return { route, state: 'fits', reasons: [], missing: [] };
    if (truth === false) return { route, state: 'rejected', reasons: dedupe(whyFalse(route.when, answers)), missing: [] };
    return { route, state: 'open', reasons: [], missing: unansweredFacts(route.when, answers) };
  });
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = JSON.stringify([r.fact, r.expected, r.negated]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
