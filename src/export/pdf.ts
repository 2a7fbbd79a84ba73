/**
 * The PDF the applicant takes to the desk: the dossier summary laid out once (pdf-layout.ts) and drawn
 * with pdf-lib. The standard PDF fonts only cover WinAnsi, which has no "Ł" or "ę", so a Unicode font
 * (DejaVu Sans, see font.ts) is embedded as a subset of the glyphs used, through pdf-font.ts, which
 * keeps fontkit from shaping every line. Loaded only by the dashboard, on click; the national register
 * number arrives here already masked by the summary. Its words come from src/i18n and
 * src/dossier/describe.ts, as on the screen.
 */
import { PDFDocument, rgb, type PDFFont, type RGB } from 'pdf-lib';
import type { Procedure } from '../catalog/compiled';
import type { DossierSummary } from '../dossier/summary';
import { countryName } from '../dossier/countries';
import { formatAnswer, routeState, ruleState, rulesToShow, describeRule } from '../dossier/describe';
import { dashboardStrings } from '../i18n/dashboard';
import { formatDay } from '../i18n/format';
import { PDF_STRINGS } from '../i18n/pdf';
import { GUIDANCE_STRINGS } from '../i18n/guidance';
import { localise } from '../i18n';
import { A4, MARGIN, Layout, type DrawOp, type Tone } from './pdf-layout';
import { plainFont } from './pdf-font';
import { printChecklist, printDelays, printFees, printSources, printVisits } from './pdf-sections';

const TONES: Record<Tone, RGB> = {
  ink: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.35, 0.35, 0.4),
  alert: rgb(0.7, 0.05, 0.05),
  warn: rgb(0.6, 0.33, 0),
  good: rgb(0.05, 0.45, 0.2),
};

export interface PdfInput {
  summary: DossierSummary;
  procedure: Procedure;
  /** The TrueType font to embed (DejaVu Sans). */
  font: Uint8Array;
  /** Creation moment written in the metadata; the visible date is summary.today. */
  now?: Date;
}

/** Every line of the summary placed on its page, measured with `width` (the width of a text at size 1). */
export function layoutPdf(summary: DossierSummary, procedure: Procedure, width: (text: string) => number): Layout {
  const { lang, dossier } = summary;
  const s = dashboardStrings(lang);
  const p = PDF_STRINGS[lang];
  const { colon } = p;
  const w = new Layout(width);
  w.text(p.title, { size: 18 });
  w.text(dossier.label, { size: 15, gapBefore: 4 });
  w.text(p.generated(formatDay(summary.today, lang)), { size: 9, tone: 'muted', gapBefore: 4 });

  const facts: Array<[string, string]> = [
    [p.procedure, summary.procedureTitle],
    [p.legalBasis, summary.legalBasis],
    [p.authority, summary.authority],
  ];
  if (summary.communeName) facts.push([s.commune, summary.communeName]);
  if (dossier.plannedSubmission) facts.push([s.plannedSubmission, formatDay(dossier.plannedSubmission, lang)]);
  if (summary.nationalRegisterNumber) facts.push([s.nationalNumber, summary.nationalRegisterNumber]);
  if (dossier.countryOfIssue) facts.push([s.countryOfIssue, countryName(dossier.countryOfIssue, lang)]);
  facts.push([s.checklist, s.progressCount(summary.counts.settled, summary.counts.needed)]);
  w.text('', { size: 4 });
  for (const [k, v] of facts) w.text(`${k}${colon}${v}`, { size: 10 });

  const answered = procedure.questions.filter((q) => dossier.answers[q.id] !== undefined);
  if (answered.length > 0) {
    w.heading(s.answers);
    for (const q of answered) w.text(`${localise(q.label, lang).text} — ${formatAnswer(q, dossier.answers[q.id]!, lang)}`, { indent: 8 });
  }
  printEligibility(w, summary, procedure);
  printChecklist(w, summary);
  w.heading(s.todo);
  if (summary.todo.length === 0) w.text(s.nothingLeft, { tone: 'good' });
  for (const t of summary.todo) w.text(`☐ ${t.title} — ${t.kind === 'choice' ? s.todoChoose : s.status[t.status ?? 'not-started']}`, { indent: 8, gapBefore: 2, tone: t.validity ? 'alert' : t.kind === 'choice' ? 'warn' : 'ink' });
  printVisits(w, summary);
  printDelays(w, summary);
  printFees(w, summary);
  printSources(w, summary);
  w.footers(`Be Civic — ${dossier.label}`, p.page);
  return w;
}

function printEligibility(w: Layout, summary: DossierSummary, procedure: Procedure) {
  const { lang } = summary;
  const s = dashboardStrings(lang);
  const { general, routes, onlyFit } = summary.eligibility;
  if (general.length === 0 && routes.length === 0) return;
  w.heading(s.eligibility);
  const mark = (state: string) => (state === 'fits' || state === 'holds' ? '✔' : state === 'rejected' || state === 'fails' ? '✘' : '•');
  const tone = (state: string): Tone => (state === 'fits' || state === 'holds' ? 'good' : state === 'rejected' || state === 'fails' ? 'muted' : 'warn');
  if (general.length > 0) w.text(s.generalRules, { size: 10.5, gapBefore: 4 });
  for (const rule of general) {
    w.text(`${mark(rule.state)} ${localise(rule.rule.text, lang).text} — ${ruleState(rule, lang)}`, { indent: 8, tone: tone(rule.state), gapBefore: 2 });
    for (const line of describeRule(procedure, rule, lang)) w.text(line, { indent: 22, size: 9, tone: 'muted' });
  }
  if (routes.length > 0) w.text(s.routes, { size: 10.5, gapBefore: 6 });
  for (const route of routes) {
    const chosen = route.chosenBy === 'user' ? ` (${s.yourChoice})` : '';
    w.text(`${mark(route.state)} ${localise(route.label, lang).text}${chosen} — ${routeState(route.state, lang)}`, { indent: 8, tone: tone(route.state), gapBefore: 3 });
    if (route.id === onlyFit && route.chosenBy === 'only-fit') w.text(GUIDANCE_STRINGS[lang].onlyFit, { indent: 22, size: 9, tone: 'good' });
    for (const rule of rulesToShow(route)) {
      w.text(`${localise(rule.rule.text, lang).text} — ${ruleState(rule, lang)}`, { indent: 22, size: 9 });
      for (const line of describeRule(procedure, rule, lang)) w.text(line, { indent: 32, size: 9, tone: 'muted' });
    }
  }
}

/** Draws laid-out lines on a new document with `font`; the metadata says what the document is. */
export async function drawPdf(ops: DrawOp[], pages: number, font: (doc: PDFDocument) => Promise<PDFFont>, meta: { title: string; subject: string; lang: string; now?: Date }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setLanguage(meta.lang);
  doc.setSubject(meta.subject);
  doc.setCreator('Be Civic');
  doc.setProducer('Be Civic (pdf-lib)');
  if (meta.now) {
    doc.setCreationDate(meta.now);
    doc.setModificationDate(meta.now);
  }
  const f = await font(doc);
  const sheets = Array.from({ length: pages }, () => doc.addPage([A4.width, A4.height]));
  for (const op of ops) {
    const page = sheets[op.page]!;
    if (op.kind === 'text') page.drawText(op.text, { x: op.x, y: op.y, size: op.size, font: f, color: TONES[op.tone] });
    else page.drawLine({ start: { x: MARGIN.left, y: op.y }, end: { x: A4.width - MARGIN.right, y: op.y }, thickness: 0.5, color: TONES.muted });
  }
  return doc.save();
}

export async function buildPdf({ summary, procedure, font: fontBytes, now }: PdfInput): Promise<Uint8Array> {
  const font = plainFont(fontBytes);
  const layout = layoutPdf(summary, procedure, font.width);
  const p = PDF_STRINGS[summary.lang];
  return drawPdf(
    layout.ops,
    layout.pages,
    (doc) => {
      doc.registerFontkit(font.fontkit);
      return doc.embedFont(fontBytes, { subset: true });
    },
    { title: `${p.title} — ${summary.dossier.label}`, subject: summary.procedureTitle, lang: summary.lang, ...(now ? { now } : {}) },
  );
}
