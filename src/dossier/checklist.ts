/**
 * The checklist a stressed applicant reads: one item per requirement of the procedure, each one-of
 * resolved to the alternative the answers point at (the others kept aside as "other ways to prove
 * this"), a document that proves two requirements listed once and saying so, the pre-step and "only the
 * commune can stamp it" where the catalog says so, and the apostille / translation advice only on the
 * documents that are civil-status records issued abroad. Pure: the dashboard, the PDF and the visits
 * (what to bring) all read it, with the real catalog in the unit tests.
 */
import type { Artefact, CompiledCatalog, LocalText, Procedure, RequirementNode } from '../catalog/compiled';
import { localise, type Lang } from '../i18n';
import { documentRules, isCountryCode, type DocumentRules } from './countries';
import { evaluateCondition, type Answers, type Truth } from './requirements';

export interface ChecklistDoc {
  artefact: string;
  title: string;
  /** The requirement nodes this one document satisfies, and their labels: two or more means "proves both". */
  nodes: string[];
  proves: string[];
  /** It depends on a question not answered yet. */
  uncertain: boolean;
  /** What the requirement accepts (e.g. the residence cards), from the catalog's `accepts`. */
  accepts: string[];
  /** A preparation step that does not deliver the document (e.g. checking the card on my.belgium.be). */
  preStep?: { source: string; label: string; text: string };
  /** Every source that delivers it is a commune desk: only the commune can issue or stamp it. */
  onlyCommune: boolean;
  /** A civil-status record issued abroad (or possibly abroad): the only documents the advice below is for. */
  foreignRecord?: NonNullable<Artefact['civil_status_record']>;
  /** Apostille / legalisation and translation for that record, when the country of issue is known. */
  documentRules?: DocumentRules;
}

/** Why an alternative of a one-of is the one shown first. */
export type SuggestedBecause =
  /** The user chose it. */
  | 'user'
  /** The answers rule out every other alternative. */
  | 'only-one'
  /** The answers rule out the alternatives listed before it (e.g. "born abroad" → the foreign birth certificate). */
  | 'answers'
  /** Its documents are already on the checklist for another requirement (the same diploma). */
  | 'same-document'
  /** Several fit the answers: the first the sources list, the others stay one click away. */
  | 'listed-first';

export interface ChecklistAlternative {
  id: string;
  label: string;
  docs: ChecklistDoc[];
  uncertain: boolean;
}

export interface ChecklistChoice {
  node: string;
  label: string;
  suggested?: { alternative: string; because: SuggestedBecause };
  /** The other alternatives the answers leave open: "other ways to prove this". */
  others: ChecklistAlternative[];
}

export interface ChecklistItem {
  /** The requirement node (a child of the procedure's root). */
  node: string;
  label: string;
  note?: string;
  /** The documents to gather for it, following each suggested alternative. */
  docs: ChecklistDoc[];
  /** Every one-of met on the way, with its suggestion and the other ways. */
  choices: ChecklistChoice[];
}

export interface Checklist {
  items: ChecklistItem[];
  /** Every document once, in checklist order: what the applicant brings. */
  documents: ChecklistDoc[];
  /** The country whose rules the foreign records follow, when known. */
  country?: string;
}

export interface ChecklistInput {
  catalog: Pick<CompiledCatalog, 'artefacts'>;
  procedure: Procedure;
  /** The answers the dossier is evaluated with (see flow.ts `effectiveAnswers`). */
  answers: Answers;
  choices: Record<string, string>;
  /** The dossier's country of issue, when the procedure asks no country question itself. */
  countryOfIssue?: string;
  lang: Lang;
}

const childrenOf = (node: RequirementNode): RequirementNode[] => ('allOf' in node ? node.allOf : 'oneOf' in node ? node.oneOf : []);

/** The artefacts a node needs when each of its one-ofs follows its first alternative (for "same document" checks). */
function artefactsOf(node: RequirementNode): string[] {
  if ('artefact' in node) return [node.artefact];
  if ('oneOf' in node) return artefactsOf(node.oneOf[0]!);
  return node.allOf.flatMap(artefactsOf);
}

/** The country the dossier's foreign records come from: the procedure's country question, else the dossier's field. */
export function countryOfRecords(procedure: Procedure, answers: Answers, countryOfIssue?: string): string | undefined {
  const question = procedure.questions.find((q) => q.kind === 'country');
  const answered = question ? answers[question.id] : undefined;
  const code = typeof answered === 'string' ? answered : countryOfIssue;
  return code && isCountryCode(code.toUpperCase()) ? code.toUpperCase() : undefined;
}

export function buildChecklist({ catalog, procedure, answers, choices, countryOfIssue, lang }: ChecklistInput): Checklist {
  const show = (t: LocalText) => localise(t, lang).text;
  const country = countryOfRecords(procedure, answers, countryOfIssue);
  const rules = country && country !== 'BE' ? documentRules(country) : undefined;
  const truth = (node: RequirementNode): Truth => (node.when ? evaluateCondition(node.when, answers) : true);
  const gathered = new Map<string, ChecklistDoc>();

  const makeDoc = (node: RequirementNode & { artefact: string }, label: string, uncertain: boolean): ChecklistDoc => {
    const artefact = catalog.artefacts.find((a) => a.id === node.artefact);
    const delivering = artefact?.sources.filter((s) => !s.pre_step) ?? [];
    const pre = artefact?.sources.find((s) => s.pre_step);
    const foreign = artefact?.civil_status_record;
    return {
      artefact: node.artefact,
      title: artefact ? show(artefact.title) : node.artefact,
      nodes: [node.id],
      proves: [label],
      uncertain,
      accepts: (node.accepts ?? []).map(show),
      ...(pre ? { preStep: { source: pre.id, label: show(pre.label), text: show(pre.user_does) } } : {}),
      onlyCommune: delivering.length > 0 && delivering.every((s) => s.kind === 'commune-visit'),
      ...(foreign ? { foreignRecord: foreign } : {}),
      ...(foreign && rules ? { documentRules: rules } : {}),
    };
  };

  /** Adds a document to the checklist, or — when it is already there — records that it proves this too. */
  const gather = (doc: ChecklistDoc): ChecklistDoc => {
    const known = gathered.get(doc.artefact);
    if (!known) {
      gathered.set(doc.artefact, doc);
      return doc;
    }
    for (const [i, node] of doc.nodes.entries()) {
      if (!known.nodes.includes(node)) known.nodes.push(node);
      const label = doc.proves[i]!;
      if (!known.proves.includes(label)) known.proves.push(label);
    }
    known.uncertain &&= doc.uncertain;
    if (known.accepts.length === 0) known.accepts = doc.accepts;
    return known;
  };

  /**
   * The documents under a node. `keep` adds them to the checklist (the suggested way); otherwise they
   * are only described (another way to prove it).
   */
  const visit = (node: RequirementNode, label: string, uncertain: boolean, keep: boolean, found: ChecklistChoice[]): ChecklistDoc[] => {
    const own = truth(node);
    if (own === false) return [];
    const unsure = uncertain || own === undefined;
    // Documents prove the requirement they are listed under (the item's label), not an alternative's "OR …".
    const here = label;
    if ('artefact' in node) {
      const doc = makeDoc(node, here, unsure);
      return [keep ? gather(doc) : doc];
    }
    if ('allOf' in node) return node.allOf.flatMap((c) => visit(c, here, unsure, keep, found));
    const all = node.oneOf;
    const live = all.filter((c) => truth(c) !== false);
    if (live.length === 0) return [];
    const pick = suggest(node, live, all);
    const choice: ChecklistChoice = { node: node.id, label: node.label ? show(node.label) : here, ...(pick ? { suggested: { alternative: pick.node.id, because: pick.because } } : {}), others: [] };
    found.push(choice);
    const docs: ChecklistDoc[] = [];
    for (const alternative of live) {
      const altLabel = alternative.label ? show(alternative.label) : here;
      const altUnsure = unsure || truth(alternative) === undefined;
      if (alternative === pick?.node) docs.push(...visit(alternative, here, altUnsure, keep, found));
      else choice.others.push({ id: alternative.id, label: altLabel, docs: visit(alternative, here, altUnsure, false, []), uncertain: altUnsure });
    }
    return docs;
  };

  const suggest = (node: RequirementNode, live: RequirementNode[], all: RequirementNode[]): { node: RequirementNode; because: SuggestedBecause } | undefined => {
    const chosen = live.find((c) => c.id === choices[node.id]);
    if (chosen) return { node: chosen, because: 'user' };
    if (live.length === 1) return truth(live[0]!) === true || all.length === 1 ? { node: live[0]!, because: 'only-one' } : undefined;
    const same = live.find((c) => artefactsOf(c).every((a) => gathered.has(a)));
    if (same) return { node: same, because: 'same-document' };
    const first = live.find((c) => truth(c) === true);
    if (!first) return undefined;
    const ruledOutBefore = all.slice(0, all.indexOf(first)).some((c) => truth(c) === false);
    return { node: first, because: ruledOutBefore ? 'answers' : 'listed-first' };
  };

  const root = procedure.requirements;
  const tops = 'allOf' in root ? root.allOf : [root];
  const items: ChecklistItem[] = [];
  for (const node of tops) {
    if (truth(node) === false) continue;
    const choicesFound: ChecklistChoice[] = [];
    const label = node.label ? show(node.label) : titleOf(catalog, node, lang);
    const docs = visit(node, label, false, true, choicesFound);
    if (docs.length === 0 && choicesFound.length === 0) continue;
    items.push({ node: node.id, label, ...(node.note ? { note: show(node.note) } : {}), docs, choices: choicesFound });
  }
  return { items, documents: [...gathered.values()], ...(country ? { country } : {}) };
}

function titleOf(catalog: Pick<CompiledCatalog, 'artefacts'>, node: RequirementNode, lang: Lang): string {
  const first = childrenOf(node)[0];
  if ('artefact' in node) {
    const artefact = catalog.artefacts.find((a) => a.id === node.artefact);
    return artefact ? localise(artefact.title, lang).text : node.artefact;
  }
  return first ? titleOf(catalog, first, lang) : node.id;
}
