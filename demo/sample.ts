/**
 * The sample dossier the demo opens the dashboard on: one plausible applicant for the nationality
 * declaration, part-way through. It is created through the background's protocol messages, as the
 * dashboard itself would, so the demo shows the real store and evaluation at work, not a mock-up.
 */
import catalog from '../src/catalog/bundled';
import { evaluateCondition, neededArtefacts, type Answers } from '../src/dossier/requirements';
import type { Lang } from '../src/i18n';
import type { MessageType, RequestOf, ResponseOf } from '../src/messaging/protocol';
import type { Status } from '../src/model/data';

export const SAMPLE_PROCEDURE = 'nationality-declaration-12bis';
export const SAMPLE_LABEL = 'Amira (demo)';

/** Asks the background something from an extension page; the caller decides which page. */
export type Ask = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

/**
 * Her answers to the set-up questions, by question id: 34, born in Morocco, six years of legal stay
 * with an unlimited card, declaring under §1 2°, with Moroccan records (apostille, in Arabic). Only
 * the ids the catalog's procedure asks are sent, so a renamed question is left unanswered.
 */
const PERSONA: Record<string, string | number | boolean> = {
  age: 34,
  'born-in-belgium': false,
  'years-legal-residence': 6,
  'unlimited-stay': true,
  'married-to-belgian': false,
  'parent-of-belgian-minor': false,
  'cannot-work': 'no',
  paragraph: 'para-2',
  'has-foreign-documents': true,
  'country-of-issue': 'MA',
  'foreign-document-rule': 'apostille',
  'documents-language': 'other',
};

/** Where her documents stand, in the order the procedure lists them; the rest are not started. */
const PROGRESS: Array<{ status: Status; issuedDaysAgo?: number; reference?: string }> = [
  { status: 'obtained', issuedDaysAgo: 20 },
  { status: 'obtained', issuedDaysAgo: 75 },
  { status: 'requested', reference: 'DEMO-2026-0042' },
  { status: 'in-progress' },
];

function day(offsetDays: number, from = new Date()): string {
  const d = new Date(from);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

/** Creates the sample dossier with its progress and an appointment; returns its id. */
export async function createSampleDossier(ask: Ask, lang: Lang): Promise<string> {
  const procedure = catalog.procedures.find((p) => p.id === SAMPLE_PROCEDURE);
  if (!procedure) throw new Error(`the catalog has no procedure ${SAMPLE_PROCEDURE}; run npm run catalog -- compile`);
  const asked = new Set(procedure.questions.map((q) => q.id));
  const answers = Object.fromEntries(Object.entries(PERSONA).filter(([id]) => asked.has(id)));
  const choices = firstAlternatives(procedure.requirements, answers);
  const commune = catalog.communes.some((c) => c.id === 'auderghem') ? 'auderghem' : undefined;

  const dossier = await ask('dossier:create', {
    procedure: procedure.id,
    label: SAMPLE_LABEL,
    answers,
    choices,
    lang,
    countryOfIssue: 'MA',
    plannedSubmission: day(45),
    ...(commune ? { commune } : {}),
  });

  const needs = [...new Set(neededArtefacts(procedure, { answers, choices }).map((n) => n.artefact))];
  for (const [index, artefact] of needs.entries()) {
    const step = PROGRESS[index];
    if (!step) break;
    const source = catalog.artefacts.find((a) => a.id === artefact)?.sources[0]?.id;
    await ask('progress:update', {
      dossierId: dossier.id,
      artefact,
      patch: {
        status: step.status,
        ...(source ? { source } : {}),
        ...(step.issuedDaysAgo !== undefined ? { issuedOn: day(-step.issuedDaysAgo) } : {}),
      },
    });
    if (step.reference) await ask('progress:capture', { dossierId: dossier.id, artefact, field: 'reference', value: step.reference });
  }
  const visit = procedure.visits[0];
  await ask('appointment:save', {
    id: `${dossier.id}-visit`,
    dossierId: dossier.id,
    ...(commune ? { commune } : {}),
    ...(visit ? { visit: visit.id } : {}),
    service: 'Population — nationalité / bevolking — nationaliteit',
    start: `${day(30)}T09:30`,
    durationMinutes: 30,
    place: commune ? 'Maison communale / Gemeentehuis' : 'Commune',
  });
  await ask('settings:update', { lang, activeDossier: dossier.id });
  return dossier.id;
}

/** For every oneOf group that applies, its first alternative that applies: one path, as a user would follow. */
function firstAlternatives(node: (typeof catalog.procedures)[number]['requirements'], answers: Answers): Record<string, string> {
  const choices: Record<string, string> = {};
  const applies = (n: typeof node) => !n.when || evaluateCondition(n.when, answers) !== false;
  const visit = (n: typeof node) => {
    if (!applies(n)) return;
    if ('oneOf' in n) {
      const first = n.oneOf.find(applies);
      if (first) {
        choices[n.id] = first.id;
        visit(first);
      }
    } else if ('allOf' in n) n.allOf.forEach(visit);
  };
  visit(node);
  return choices;
}
