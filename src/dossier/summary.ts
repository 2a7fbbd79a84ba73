/**
 * One dossier as the user reads it, computed once from the catalog and the user's data: the
 * requirement tree with each document's status, source, captured values, dates, validity and next
 * step; what remains to do; fees; appointments; the catalog's sources. The dashboard renders it and the
 * PDF prints it, so the screen and the paper never disagree. Pure (the reference day is passed in).
 */
import type { Artefact, CompiledCatalog, CompiledPage, LocalText, Source } from '../catalog/compiled';
import { localise, type Lang } from '../i18n';
import type { Appointment, Dossier, Progress, Status } from '../model/data';
import type { DocumentRules } from './countries';
import { buildChecklist, type Checklist } from './checklist';
import { feeTotal, type FeeTotal } from './fees';
import { assessEligibility, effectiveAnswers, type EligibilityView } from './flow';
import { provenanceNames, type SourceName } from './provenance';
import { dossierVisits, procedureDelays, procedureNotes, type DelayView, type VisitView } from './visits';
import { evaluateTree, SETTLED, type EvaluatedNode } from './requirements';
import { expiryFor, validityState, type ValidityState } from './validity';
import { maskNationalNumbersIn, maskNationalRegisterNumber } from '../model/nrn';

export interface NextStep {
  source: string;
  sourceLabel: string;
  text: string;
  /** The portal page that serves this document through this source, when the catalog knows one. */
  url?: string;
  pageTitle?: string;
  /** The catalog describes this source from documents; no user has confirmed it yet. */
  unconfirmed: boolean;
}

export interface ItemView {
  artefact: string;
  title: string;
  officialName?: string;
  status: Status;
  sourceLabel?: string;
  captured: Array<{ field: string; label: string; value: string }>;
  issuedOn?: string;
  expiresOn?: string;
  validity?: { state: ValidityState; daysLeft: number; reference: string };
  validityNote?: string;
  next?: NextStep;
  /** Every source the catalog knows, for the "source used" choice. */
  sources: Array<{ id: string; label: string }>;
  notes?: string;
  attachments: Progress['attachments'];
}

export interface NodeView {
  id: string;
  kind: EvaluatedNode['kind'];
  label?: string;
  note?: string;
  applies: boolean | undefined;
  status: EvaluatedNode['status'];
  /** oneOf: the alternative followed, if chosen. */
  chosen?: string;
  children: NodeView[];
  item?: ItemView;
}

export interface TodoView {
  /** The requirement node (a document to obtain, or a choice to make). */
  node: string;
  kind: 'document' | 'choice';
  title: string;
  status?: Status;
  next?: NextStep;
  /** Why it stands out: expired or expiring before the planned submission. */
  validity?: ItemView['validity'];
  expiresOn?: string;
}

export interface DossierSummary {
  lang: Lang;
  /** The day the summary is computed for (YYYY-MM-DD). */
  today: string;
  dossier: Dossier;
  procedureTitle: string;
  legalBasis: string;
  authority: string;
  communeName?: string;
  nationalRegisterNumber?: string;
  eligibility: EligibilityView;
  /** Only when some document of the checklist is a civil-status record issued abroad. */
  documentRules?: DocumentRules;
  tree: NodeView;
  /** The readable checklist: suggested alternatives, shared documents, pre-steps, per-record advice. */
  checklist: Checklist;
  delays: DelayView[];
  notes: string[];
  /** Every visit, with or without a commune. */
  visits: VisitView[];
  todo: TodoView[];
  fees: FeeTotal;
  appointments: Appointment[];
  /** `names` are the provenances named for people (what the screen and the PDF show); `provenance` the raw refs. */
  sources: Array<{ what: string; provenance: string[]; names: SourceName[]; lastVerified: string }>;
  counts: { needed: number; settled: number };
}

/** Where a document issued on `issuedOn` stands: expiry from the catalog window, against the planned submission. */
export function itemValidity(
  artefact: Artefact | undefined,
  progress: Pick<Progress, 'issuedOn' | 'expiresOn'> | undefined,
  reference: string,
): { expiresOn?: string; validity?: ItemView['validity'] } {
  const expiresOn = progress?.expiresOn ?? (progress?.issuedOn ? expiryFor(artefact?.validity, progress.issuedOn) : undefined);
  if (!expiresOn) return {};
  return { expiresOn, validity: { ...validityState(expiresOn, reference), reference } };
}

/**
 * The source to follow next: the one the user picked, else the highest-priority source for the
 * commune's region that is not a last resort.
 */
export function pickSource(artefact: Artefact, chosen: string | undefined, region: string | undefined): Source | undefined {
  const own = chosen ? artefact.sources.find((s) => s.id === chosen) : undefined;
  if (own) return own;
  // A pre-step (checking data online before the desk) never stands for the way to get the document.
  const fits = (s: Source) => !region || s.regions.includes(region as Source['regions'][number]) || s.regions.includes('federal');
  const ranked = [...artefact.sources].sort(
    (a, b) => Number(a.pre_step) - Number(b.pre_step) || Number(a.fallback_only) - Number(b.fallback_only) || Number(fits(b)) - Number(fits(a)) || b.priority - a.priority,
  );
  return ranked[0];
}

function pageServing(catalog: CompiledCatalog, artefact: string, source: string): CompiledPage | undefined {
  return catalog.pages.find((p) => p.role !== 'login' && p.serves.some((s) => s.artefact === artefact && s.source === source));
}

export interface SummaryInput {
  catalog: CompiledCatalog;
  dossier: Dossier;
  progress: Progress[];
  appointments: Appointment[];
  lang: Lang;
  today: string;
}

export function summarise({ catalog, dossier, progress, appointments, lang, today }: SummaryInput): DossierSummary {
  const procedure = catalog.procedures.find((p) => p.id === dossier.procedure);
  if (!procedure) throw new Error(`the catalog has no procedure "${dossier.procedure}"`);
  const commune = dossier.commune ? catalog.communes.find((c) => c.id === dossier.commune) : undefined;
  const consulate = procedure.consulate ? catalog.consulates?.find((c) => c.id === procedure.consulate) : undefined;
  const show = (t: LocalText | undefined) => (t ? localise(t, lang).text : undefined);
  const byArtefact = new Map(progress.map((p) => [p.artefact, p]));
  const reference = dossier.plannedSubmission ?? today;
  const answers = effectiveAnswers(procedure, dossier.answers);
  const checklist = buildChecklist({
    catalog,
    procedure,
    answers,
    choices: dossier.choices,
    ...(dossier.countryOfIssue ? { countryOfIssue: dossier.countryOfIssue } : {}),
    lang,
  });
  // The way the checklist suggests for each choice counts as chosen until the user picks another, so the
  // statuses, "what remains to do" and the counts follow the documents the checklist shows.
  const suggested = Object.fromEntries(checklist.items.flatMap((i) => i.choices.flatMap((c) => (c.suggested ? [[c.node, c.suggested.alternative] as const] : []))));
  const evaluated = evaluateTree(procedure, { answers, choices: { ...suggested, ...dossier.choices } }, (a) => byArtefact.get(a)?.status);
  const foreignRules = checklist.documents.find((d) => d.documentRules)?.documentRules;
  const artefactOf = (id: string) => catalog.artefacts.find((a) => a.id === id);

  const nextStep = (artefact: Artefact, chosen: string | undefined): NextStep | undefined => {
    const source = pickSource(artefact, chosen, commune?.region);
    if (!source) return undefined;
    const page = pageServing(catalog, artefact.id, source.id);
    const url = page?.examples[0] ?? source.url;
    return {
      source: source.id,
      sourceLabel: show(source.label)!,
      text: show(source.user_does)!,
      ...(url ? { url } : {}),
      ...(page ? { pageTitle: show(page.title)! } : {}),
      unconfirmed: !source.confirmed_by_user,
    };
  };

  const item = (artefactId: string): ItemView => {
    const artefact = artefactOf(artefactId);
    const p = byArtefact.get(artefactId);
    const status = p?.status ?? 'not-started';
    const { expiresOn, validity } = itemValidity(artefact, p, reference);
    const captured = Object.entries(p?.captured ?? {}).map(([field, v]) => {
      const page = v.page ? catalog.pages.find((pg) => pg.id === v.page) : undefined;
      const spec = (page?.capture ?? catalog.pages.flatMap((pg) => pg.capture)).find((c) => c.id === field);
      const value = spec?.kind === 'national-register-number' ? maskNationalRegisterNumber(v.value) : maskNationalNumbersIn(v.value);
      return { field, label: show(spec?.label) ?? field, value };
    });
    const source = p?.source ? artefact?.sources.find((s) => s.id === p.source) : undefined;
    const next = artefact && !SETTLED.has(status) ? nextStep(artefact, p?.source) : undefined;
    return {
      artefact: artefactId,
      title: show(artefact?.title) ?? artefactId,
      ...(artefact?.official_name ? { officialName: artefact.official_name } : {}),
      status,
      ...(source ? { sourceLabel: show(source.label)! } : {}),
      captured,
      ...(p?.issuedOn ? { issuedOn: p.issuedOn } : {}),
      ...(expiresOn ? { expiresOn } : {}),
      ...(validity ? { validity } : {}),
      ...(artefact?.validity?.note ? { validityNote: show(artefact.validity.note)! } : {}),
      ...(next ? { next } : {}),
      sources: (artefact?.sources ?? []).map((s) => ({ id: s.id, label: show(s.label)! })),
      ...(p?.notes ? { notes: p.notes } : {}),
      attachments: p?.attachments ?? [],
    };
  };

  const todo: TodoView[] = [];
  const toView = (node: EvaluatedNode): NodeView => {
    const children = node.children.map(toView);
    const view: NodeView = {
      id: node.id,
      kind: node.kind,
      applies: node.applies,
      status: node.status,
      children,
      ...(node.label ? { label: show(node.label)! } : {}),
      ...(node.note ? { note: show(node.note)! } : {}),
      ...(node.chosen ? { chosen: node.chosen } : {}),
    };
    if (node.artefact) {
      view.item = item(node.artefact);
      view.label ??= view.item.title;
    }
    return view;
  };
  const tree = toView(evaluated);

  let needed = 0;
  let settled = 0;
  const collectTodo = (node: NodeView) => {
    if (node.applies === false) return;
    if (node.item) {
      needed++;
      const i = node.item;
      const stale = i.validity && i.validity.state !== 'valid';
      if (SETTLED.has(i.status) && !stale) settled++;
      else
        todo.push({
          node: node.id,
          kind: 'document',
          title: i.title,
          status: i.status,
          ...(i.next ? { next: i.next } : {}),
          ...(i.validity && stale ? { validity: i.validity, expiresOn: i.expiresOn } : {}),
        });
      return;
    }
    if (node.kind === 'oneOf') {
      const chosen = node.children.find((c) => c.id === node.chosen);
      if (chosen) return collectTodo(chosen);
      needed++;
      if (node.status === 'done') settled++;
      else todo.push({ node: node.id, kind: 'choice', title: node.label ?? node.children.map((c) => c.label).join(' / ') });
      return;
    }
    node.children.forEach(collectTodo);
  };
  collectTodo(tree);

  const usedArtefacts = [...new Set(collectArtefacts(tree))].map(artefactOf).filter((a): a is Artefact => Boolean(a));
  const sources: DossierSummary['sources'] = [];
  const cite = (what: string, provenance: string[], lastVerified: string) => {
    const same = sources.find((x) => x.lastVerified === lastVerified && x.provenance.join() === provenance.join());
    if (same) same.what += ` · ${what}`;
    else sources.push({ what, provenance, names: provenanceNames(catalog, provenance, lang), lastVerified });
  };
  cite(show(procedure.title)!, procedure.provenance, procedure.last_verified);
  for (const a of usedArtefacts) cite(show(a.title)!, a.provenance, a.last_verified);
  if (commune) cite(show(commune.names)!, commune.provenance, commune.last_verified);

  return {
    lang,
    today,
    dossier,
    procedureTitle: show(procedure.title)!,
    legalBasis: procedure.legal_basis,
    authority: show(procedure.authority)!,
    ...(commune ? { communeName: show(commune.names)! } : {}),
    ...(dossier.nationalRegisterNumber ? { nationalRegisterNumber: maskNationalRegisterNumber(dossier.nationalRegisterNumber) } : {}),
    eligibility: assessEligibility(procedure, dossier.answers),
    ...(foreignRules ? { documentRules: foreignRules } : {}),
    tree,
    checklist,
    delays: procedureDelays(procedure, answers, lang),
    notes: procedureNotes(procedure, lang),
    visits: dossierVisits({
      procedure,
      answers,
      ...(commune ? { commune } : {}),
      ...(consulate ? { consulate } : {}),
      platforms: catalog.platforms ?? [],
      checklist,
      statusOf: (a) => byArtefact.get(a)?.status,
      validityOf: (a) => itemValidity(artefactOf(a), byArtefact.get(a), reference).validity?.state,
      appointments,
      lang,
    }),
    todo,
    fees: feeTotal(procedure, answers, commune),
    appointments: [...appointments].sort((a, b) => a.start.localeCompare(b.start)),
    sources,
    counts: { needed, settled },
  };
}

function collectArtefacts(node: NodeView): string[] {
  if (node.applies === false) return [];
  return [...(node.item ? [node.item.artefact] : []), ...node.children.flatMap(collectArtefacts)];
}
