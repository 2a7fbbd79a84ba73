/**
 * Requirement evaluation: given a procedure's requirement tree, the user's set-up answers, the
 * alternatives they chose and their progress, which documents does the dossier need and how far along
 * is each group? Pure; the panel's data (via the background), the dashboard and the PDF all use it.
 *
 * Conditions use three-valued logic: a question not answered yet is `undefined` (unknown), so a
 * half-finished set-up neither hides nor wrongly demands a document.
 */
import type { Condition, Procedure, RequirementNode, LocalText } from '../catalog/compiled';
import type { Status } from '../model/data';

export type Answer = string | number | boolean;
export type Answers = Record<string, Answer>;
export type Truth = boolean | undefined;

export function evaluateCondition(condition: Condition, answers: Answers): Truth {
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, answers);
    return inner === undefined ? undefined : !inner;
  }
  if ('all' in condition) {
    const values = condition.all.map((c) => evaluateCondition(c, answers));
    if (values.includes(false)) return false;
    return values.includes(undefined) ? undefined : true;
  }
  if ('any' in condition) {
    const values = condition.any.map((c) => evaluateCondition(c, answers));
    if (values.includes(true)) return true;
    return values.includes(undefined) ? undefined : false;
  }
  const value = answers[condition.fact];
  if (value === undefined) return undefined;
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return (condition.in as Answer[]).includes(value);
  if (typeof value !== 'number') return false;
  if ('at_least' in condition) return value >= condition.at_least;
  return value < condition.below;
}

/** A status that means the document no longer needs work for this dossier. */
export const SETTLED: ReadonlySet<Status> = new Set(['obtained', 'submitted', 'not-needed']);

export type NodeKind = 'allOf' | 'oneOf' | 'artefact';

export interface EvaluatedNode {
  id: string;
  kind: NodeKind;
  label?: LocalText;
  note?: LocalText;
  artefact?: string;
  /** false: the node's condition rules it out; undefined: it depends on an unanswered question. */
  applies: Truth;
  /** For a oneOf group: the alternative the user follows, if chosen. */
  chosen?: string;
  /** Leaves: the user's status. Groups: 'done' once every applicable part (or the chosen alternative) is settled. */
  status: Status | 'done' | 'open';
  children: EvaluatedNode[];
}

export interface DossierFacts {
  answers: Answers;
  choices: Record<string, string>;
}

function kindOf(node: RequirementNode): NodeKind {
  return 'allOf' in node ? 'allOf' : 'oneOf' in node ? 'oneOf' : 'artefact';
}

function childrenOf(node: RequirementNode): RequirementNode[] {
  return 'allOf' in node ? node.allOf : 'oneOf' in node ? node.oneOf : [];
}

/** Evaluates the whole tree against the dossier; `statusOf` gives the user's status of an artefact. */
export function evaluateTree(procedure: Procedure, dossier: DossierFacts, statusOf: (artefact: string) => Status | undefined): EvaluatedNode {
  const visit = (node: RequirementNode, parentApplies: Truth): EvaluatedNode => {
    const own = node.when ? evaluateCondition(node.when, dossier.answers) : true;
    const applies: Truth = parentApplies === false || own === false ? false : parentApplies === undefined || own === undefined ? undefined : true;
    const children = childrenOf(node).map((child) => visit(child, applies));
    const kind = kindOf(node);
    const base = {
      id: node.id,
      kind,
      applies,
      children,
      ...(node.label ? { label: node.label } : {}),
      ...(node.note ? { note: node.note } : {}),
    };
    if ('artefact' in node) return { ...base, artefact: node.artefact, status: statusOf(node.artefact) ?? 'not-started' };
    const live = children.filter((c) => c.applies !== false);
    const settled = (c: EvaluatedNode) => c.status === 'done' || SETTLED.has(c.status as Status);
    if (kind === 'oneOf') {
      const chosenId = dossier.choices[node.id];
      const chosen = live.find((c) => c.id === chosenId);
      const done = chosen ? settled(chosen) : live.some(settled);
      return { ...base, ...(chosen ? { chosen: chosen.id } : {}), status: done ? 'done' : 'open' };
    }
    return { ...base, status: live.every(settled) ? 'done' : 'open' };
  };
  return visit(procedure.requirements, true);
}

export interface Need {
  artefact: string;
  /** The requirement node that asks for it. */
  node: string;
  /** The nearest label on the way from the root (the node's own, else its group's). */
  requirement?: LocalText;
  /** True when it is one of several alternatives and the user has not chosen which one yet. */
  alternative: boolean;
  /** True when it depends on a question not answered yet. */
  uncertain: boolean;
}

/**
 * The documents the dossier needs: leaves whose conditions do not rule them out, following the chosen
 * alternative of each oneOf group (or every alternative while none is chosen).
 */
export function neededArtefacts(procedure: Procedure, dossier: DossierFacts): Need[] {
  const needs: Need[] = [];
  const visit = (node: RequirementNode, label: LocalText | undefined, alternative: boolean, uncertain: boolean) => {
    const own = node.when ? evaluateCondition(node.when, dossier.answers) : true;
    if (own === false) return;
    const here = node.label ?? label;
    const unsure = uncertain || own === undefined;
    if ('artefact' in node) {
      needs.push({ artefact: node.artefact, node: node.id, ...(here ? { requirement: here } : {}), alternative, uncertain: unsure });
      return;
    }
    if ('oneOf' in node) {
      const chosen = node.oneOf.find((c) => c.id === dossier.choices[node.id]);
      if (chosen) visit(chosen, here, alternative, unsure);
      else for (const child of node.oneOf) visit(child, here, true, unsure);
      return;
    }
    for (const child of node.allOf) visit(child, here, alternative, unsure);
  };
  visit(procedure.requirements, undefined, false, false);
  return needs;
}
