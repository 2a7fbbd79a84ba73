/**
 * The set-up question flow, driven by the catalog: which of a procedure's plain questions to ask given
 * the answers so far, which eligibility routes (e.g. the paragraphs 1° to 5° of art. 12bis §1) fit,
 * and — for the routes that do not — which answers rule them out and what they would need. Pure: the
 * dashboard renders it, the PDF prints it, the unit tests drive it with the real catalog.
 */
import type { Condition, LocalText, Procedure, RequirementNode } from '../catalog/compiled';
import { evaluateCondition, type Answer, type Answers } from './requirements';

type Question = Procedure['questions'][number];
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

type Rule = Procedure['eligibility'][number];

/**
 * One eligibility rule against the answers: `holds`, `fails` (with the answers that break it), `open`
 * (waiting for answers), or `to-prove` (no answer can decide it: documents prove it, e.g. integration).
 */
export interface RuleVerdict {
  rule: Rule;
  state: 'holds' | 'fails' | 'open' | 'to-prove';
  reasons: Reason[];
  missing: string[];
}

/** One route (a choice of the route question, e.g. a paragraph of art. 12bis §1) and its rules. */
export interface RouteVerdict {
  id: string;
  label: LocalText;
  state: VerdictState;
  rules: RuleVerdict[];
  /** The user picked this route in the set-up, or it is the only one that fits (see `chosenBy`). */
  chosen: boolean;
  chosenBy?: 'user' | 'only-fit';
  /** General rules (for everyone) that rule this route out too: a route never fits while one fails. */
  blockedBy: string[];
}

export interface EligibilityView {
  /** The question whose choices are the routes, when the catalog's rules are per route. */
  question?: Question;
  /** Rules for everyone (e.g. being 18, an unlimited stay). */
  general: RuleVerdict[];
  routes: RouteVerdict[];
  /** Some general rule fails, or every route is rejected. */
  noneFits: boolean;
  /** The one route that fits while every other is rejected, chosen for the user when they picked none. */
  onlyFit?: string;
}

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

function mentions(condition: Condition | undefined, fact: string): boolean {
  if (!condition) return false;
  if ('not' in condition) return mentions(condition.not, fact);
  if ('all' in condition) return condition.all.some((c) => mentions(c, fact));
  if ('any' in condition) return condition.any.some((c) => mentions(c, fact));
  return condition.fact === fact;
}

/** A rule against the answers; undefined when its `when` says it does not apply to them. */
export function assessRule(rule: Rule, answers: Answers): RuleVerdict | undefined {
  const applies = rule.when ? evaluateCondition(rule.when, answers) : true;
  if (applies === false) return undefined;
  if (!rule.requires) return { rule, state: 'to-prove', reasons: [], missing: [] };
  const truth = evaluateCondition(rule.requires, answers);
  if (truth === false) return { rule, state: 'fails', reasons: dedupe(whyFalse(rule.requires, answers)), missing: [] };
  const missing = [...(applies === undefined && rule.when ? unansweredFacts(rule.when, answers) : []), ...(truth === undefined ? unansweredFacts(rule.requires, answers) : [])];
  if (truth === undefined || applies === undefined) return { rule, state: 'open', reasons: [], missing: [...new Set(missing)] };
  return { rule, state: 'holds', reasons: [], missing: [] };
}

/** The choice question that the catalog's rules are conditioned on (e.g. "which paragraph"), if any. */
export function routeQuestion(procedure: Procedure): Question | undefined {
  return procedure.questions.find((q) => q.kind === 'choice' && procedure.eligibility.some((r) => mentions(r.when, q.id)));
}

/**
 * Which routes fit the answers and why the others do not: each choice of the route question is tried
 * in turn (whatever the user picked), with the rules that apply to it; rules for everyone are judged
 * once. A route is rejected as soon as one of its rules fails, open while one waits for an answer.
 */
export function assessEligibility(procedure: Procedure, answers: Answers): EligibilityView {
  const question = routeQuestion(procedure);
  const perRoute = (r: Rule) => Boolean(question && mentions(r.when, question.id));
  const general = procedure.eligibility
    .filter((r) => !perRoute(r))
    .map((r) => assessRule(r, answers))
    .filter((v): v is RuleVerdict => Boolean(v));
  const routes: RouteVerdict[] = (question?.choices ?? []).map((choice) => {
    const hypothetical = { ...answers, [question!.id]: choice.id };
    const rules = procedure.eligibility
      .filter(perRoute)
      .map((r) => assessRule(r, hypothetical))
      .filter((v): v is RuleVerdict => Boolean(v));
    const all = [...general, ...rules];
    const state: VerdictState = all.some((r) => r.state === 'fails') ? 'rejected' : all.some((r) => r.state === 'open') ? 'open' : 'fits';
    const blockedBy = general.filter((r) => r.state === 'fails').map((r) => r.rule.id);
    const picked = answers[question!.id] === choice.id;
    return { id: choice.id, label: choice.label, state, rules, chosen: picked, ...(picked ? { chosenBy: 'user' as const } : {}), blockedBy };
  });
  const fitting = routes.filter((r) => r.state === 'fits');
  const onlyFit = fitting.length === 1 && routes.every((r) => r.state !== 'open') ? fitting[0] : undefined;
  if (onlyFit && question && answers[question.id] === undefined) {
    onlyFit.chosen = true;
    onlyFit.chosenBy = 'only-fit';
  }
  // A rule may name a follow-up question that is not shown yet (e.g. years living with the spouse
  // before "married?" is answered): the user is asked for what they can answer now.
  const shown = new Set(visibleQuestions(procedure, answers).map((q) => q.id));
  for (const rule of [...general, ...routes.flatMap((r) => r.rules)]) {
    const askable = rule.missing.filter((fact) => shown.has(fact));
    if (askable.length > 0) rule.missing = askable;
  }
  const noneFits = general.some((r) => r.state === 'fails') || (routes.length > 0 && routes.every((r) => r.state === 'rejected'));
  return { ...(question ? { question } : {}), general, routes, noneFits, ...(onlyFit ? { onlyFit: onlyFit.id } : {}) };
}

/**
 * The answers the dossier is evaluated with: the user's, plus the route question answered with the
 * only fitting route when the user left it open, so the checklist follows the route the dashboard
 * says is chosen for them.
 */
export function effectiveAnswers(procedure: Procedure, answers: Answers): Answers {
  const view = assessEligibility(procedure, answers);
  if (!view.question || !view.onlyFit || answers[view.question.id] !== undefined) return answers;
  return { ...answers, [view.question.id]: view.onlyFit };
}

/**
 * A question as the set-up shows it: its own texts, and the list of what a requirement accepts when the
 * question names one (`lists`), taken from the requirement so the two never disagree.
 */
export function questionAccepts(procedure: Procedure, question: Question): LocalText[] {
  if (!question.lists) return [];
  const find = (node: RequirementNode): RequirementNode | undefined =>
    node.id === question.lists ? node : ('allOf' in node ? node.allOf : 'oneOf' in node ? node.oneOf : []).map(find).find(Boolean);
  return find(procedure.requirements)?.accepts ?? [];
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
