/**
 * PDF export of a dossier with 40 requirements (20 documents plus 10 two-way alternatives), every
 * document with a status, a date of issue, a validity window and captured values, in the four UI
 * languages: time to build the summary and the PDF (pdf-lib, embedded DejaVu Sans subset) and the
 * file's size. Times are medians, reported, never asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchResult } from './types';
import type { Artefact, CompiledCatalog, Procedure, RequirementNode } from '../src/catalog/compiled';
import type { Dossier, Progress, Appointment } from '../src/model/data';
import { STATUSES } from '../src/model/data';
import { summarise } from '../src/dossier/summary';
import { buildPdf } from '../src/export/pdf';
import { LANGS } from '../src/i18n';
import { PDFDocument } from 'pdf-lib';

const FONT = readFileSync(join(import.meta.dirname, '../src/export/fonts/DejaVuSans.ttf'));

export function syntheticDossier(requirements = 40): { catalog: CompiledCatalog; dossier: Dossier; progress: Progress[]; appointments: Appointment[] } {
  const artefacts: Artefact[] = [];
  const leaf = (n: number): RequirementNode => {
    artefacts.push({
      id: `doc-${n}`,
      title: { fr: `Document n° ${n} — extrait d’acte « conforme »`, nl: `Document nr. ${n} — uittreksel`, de: `Dokument Nr. ${n} — Auszug`, en: `Document no. ${n} — certified extract` },
      description: { fr: 'Description' },
      authority: { fr: 'Commune' },
      applies_to: { fr: 'Tous' },
      validity: { issued_within: { months: 3 } },
      sources: [
        {
          id: 'desk',
          label: { fr: 'Guichet de la commune', en: 'Commune desk' },
          priority: 10,
          regions: ['federal'],
          kind: 'commune-visit',
          delivery: 'in-person',
          primary_actor: 'user',
          handoff: 'physical-presence',
          agent_does: { fr: 'Je prépare la demande.' },
          user_does: { fr: 'Rendez-vous au guichet avec votre carte d’identité et payez la redevance (5 €).', en: 'Go to the desk with your ID card and pay the fee (€5).' },
          to_resume: { fr: 'Revenez ici.' },
          fallback_only: false,
          confirmed_by_user: false,
          url: 'https://www.example-commune.be/population',
          provenance: ['seeds/003_ee23f2e5ba3cb84e.txt'],
          last_verified: '2026-11-23',
        },
      ],
      provenance: ['seeds/003_ee23f2e5ba3cb84e.txt'],
      last_verified: '2026-11-23',
    });
    return { id: `req-${n}`, artefact: `doc-${n}` };
  };
  const children: RequirementNode[] = [];
  let n = 0;
  while (children.length < 20) children.push(leaf(n++));
  for (let g = 0; g < 10; g++) children.push({ id: `alt-${g}`, label: { fr: `Preuve ${g}`, en: `Proof ${g}` }, oneOf: [leaf(n++), leaf(n++)] });
  const procedure: Procedure = {
    id: 'bench-procedure',
    title: { fr: 'Déclaration de nationalité (synthétique)', en: 'Nationality declaration (synthetic)' },
    authority: { fr: 'Officier de l’état civil' },
    legal_basis: 'Code de la nationalité belge, art. 12bis §1',
    regions: ['federal'],
    questions: [],
    eligibility: [],
    requirements: { id: 'root', allOf: children },
    fees: [
      { id: 'registration', label: { fr: 'Droit d’enregistrement', en: 'Registration fee' }, amount: { fixed: 150 } },
      { id: 'commune-tax', label: { fr: 'Taxe communale', en: 'Commune tax' }, amount: { per_commune: true, min: 0, max: 80 } },
    ],
    delays: [],
    visits: [],
    notes: [],
    provenance: ['seeds/003_ee23f2e5ba3cb84e.txt'],
    last_verified: '2026-11-23',
  };
  const catalog: CompiledCatalog = { format: 1, procedures: [procedure], artefacts, portals: [], pages: [], communes: [], hostCommunes: {}, topics: {} };
  const dossier: Dossier = {
    id: 'd1',
    procedure: procedure.id,
    label: 'Łukasz Wałęsa',
    answers: {},
    choices: Object.fromEntries(Array.from({ length: 10 }, (_, g) => [`alt-${g}`, `req-${20 + 2 * g}`])),
    lang: 'fr',
    plannedSubmission: '2027-01-15',
    nationalRegisterNumber: '85073003328',
    createdAt: 1,
    updatedAt: 1,
  };
  const progress: Progress[] = artefacts.map((a, i) => ({
    dossierId: 'd1',
    artefact: a.id,
    status: STATUSES[i % STATUSES.length]!,
    source: 'desk',
    captured: { reference: { value: `REF-${1000 + i}`, capturedAt: 1 } },
    issuedOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    attachments: [],
    updatedAt: 1,
  }));
  const appointments: Appointment[] = [{ id: 'a1', dossierId: 'd1', service: 'Déclaration de nationalité', start: '2027-01-15T09:30', place: 'Maison communale', createdAt: 1 }];
  return { catalog, dossier, progress, appointments };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Bench = async ({ quick }) => {
  const input = syntheticDossier(40);
  const procedure = input.catalog.procedures[0]!;
  const runs = quick ? 1 : 15;
  const results: BenchResult[] = [];
  for (const lang of quick ? (['fr'] as const) : LANGS) {
    const times: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    let pages = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const summary = summarise({ ...input, lang, today: '2026-11-23' });
      const bytes = await buildPdf({ summary, procedure, font: FONT, now: new Date('2026-11-23T12:00:00Z') });
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      // The first run warms up the JIT and fontkit's tables. CPU time is less disturbed than wall time
      // by the other processes of a busy machine.
      if (i > 0) {
        times.push(t);
        cpu.push((c.user + c.system) / 1000);
      }
      size = bytes.length;
      if (i === 0) pages = (await PDFDocument.load(bytes)).getPageCount();
    }
    results.push({ name: `PDF export, 40 requirements (${lang})`, value: median(times), unit: 'ms', detail: { runs, max: Math.max(...times).toFixed(1), cpuMs: median(cpu).toFixed(1), sizeKB: (size / 1024).toFixed(1), pages } });
  }
  return results;
};
export default bench;
