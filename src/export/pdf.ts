/**
 * The PDF the user takes to the commune: the dossier summary printed with pdf-lib. The standard PDF
 * fonts only cover WinAnsi, which has no "Ł" or "ę", so a Unicode font (DejaVu Sans, see font.ts) is
 * embedded as a subset of the glyphs used. Loaded only by the dashboard, on click; the national
 * register number arrives here already masked by the summary. Its words come from src/i18n (the PDF's
 * own, and the dashboard's for what both say about a dossier) and src/dossier/describe.ts.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { Procedure } from '../catalog/compiled';
import type { DossierSummary, NodeView } from '../dossier/summary';
import { countryName } from '../dossier/countries';
import {
  describeRules,
  describeValidity,
  describeRule,
  feeAmount,
  feeBasis,
  feeTotalBasis,
  formatAnswer,
  routeState,
  ruleState,
  rulesToShow,
} from '../dossier/describe';
import { dashboardStrings } from '../i18n/dashboard';
import { formatDay, formatMoment } from '../i18n/format';
import { PDF_STRINGS } from '../i18n/pdf';
import { localise } from '../i18n';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 56, left: 50, right: 50 };
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const ALERT = rgb(0.7, 0.05, 0.05);
const WARN = rgb(0.6, 0.33, 0);
const GOOD = rgb(0.05, 0.45, 0.2);

/** A text cursor over A4 pages: wraps lines, breaks pages, remembers every page for the footers. */
class Writer {
  pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  constructor(
    private doc: PDFDocument,
    private font: PDFFont,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
  }

  /**
   * Width of a word at size 1, cached: measuring a custom font runs fontkit's layout, which is what
   * made long dossiers slow when every candidate line was measured whole.
   */
  private widths = new Map<string, number>();
  private measure(word: string, size: number): number {
    let w = this.widths.get(word);
    if (w === undefined) {
      w = this.font.widthOfTextAtSize(word, 1);
      this.widths.set(word, w);
    }
    return w * size;
  }

  /** Splits `text` into lines no wider than `width`, breaking words that do not fit on a line alone. */
  wrap(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    const space = this.measure(' ', size);
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const wordWidth = this.measure(word, size);
        if (line && lineWidth + space + wordWidth <= width) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (!line && wordWidth <= width) {
          line = word;
          lineWidth = wordWidth;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (this.measure(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && this.font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
        lineWidth = this.measure(rest, size);
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, options: { size?: number; indent?: number; color?: RGB; gapBefore?: number; keepWithNext?: number } = {}) {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    const width = A4.width - MARGIN.left - MARGIN.right - indent;
    const lines = this.wrap(text, size, width);
    const gap = options.gapBefore ?? 0;
    const needed = gap + leading * Math.min(lines.length, 2) + (options.keepWithNext ?? 0);
    if (this.y - needed < MARGIN.bottom) this.newPage();
    else this.y -= gap;
    for (const line of lines) {
      if (this.y - leading < MARGIN.bottom) this.newPage();
      this.y -= leading;
      this.page.drawText(line, { x: MARGIN.left + indent, y: this.y + size * 0.3, size, font: this.font, color: options.color ?? INK });
    }
  }

  heading(text: string, size = 13) {
    this.text(text, { size, gapBefore: size, keepWithNext: 30 });
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: A4.width - MARGIN.right, y: this.y },
      thickness: 0.5,
      color: MUTED,
    });
    this.y -= 4;
  }

  footers(left: string, label: (n: number, of: number) => string) {
    this.pages.forEach((page, i) => {
      const right = label(i + 1, this.pages.length);
      const size = 8;
      page.drawText(left, { x: MARGIN.left, y: MARGIN.bottom / 2, size, font: this.font, color: MUTED });
      page.drawText(right, {
        x: A4.width - MARGIN.right - this.font.widthOfTextAtSize(right, size),
        y: MARGIN.bottom / 2,
        size,
        font: this.font,
        color: MUTED,
      });
    });
  }
}

const STATUS_COLOR: Record<string, RGB> = { obtained: GOOD, submitted: GOOD, 'not-needed': MUTED, requested: WARN, 'in-progress': WARN };

export interface PdfInput {
  summary: DossierSummary;
  procedure: Procedure;
  /** The TrueType font to embed (DejaVu Sans). */
  font: Uint8Array | ArrayBuffer;
  /** Creation moment written in the metadata; the visible date is summary.today. */
  now?: Date;
}

export async function buildPdf({ summary, procedure, font: fontBytes, now }: PdfInput): Promise<Uint8Array> {
  const { lang, dossier } = summary;
  const s = dashboardStrings(lang);
  const p = PDF_STRINGS[lang];
  const { colon } = p;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const title = `${p.title} — ${dossier.label}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage(lang);
  doc.setSubject(summary.procedureTitle);
  doc.setCreator('Be Civic');
  doc.setProducer('Be Civic (pdf-lib)');
  if (now) {
    doc.setCreationDate(now);
    doc.setModificationDate(now);
  }

  const w = new Writer(doc, font);
  w.text(p.title, { size: 18 });
  w.text(dossier.label, { size: 15, gapBefore: 4 });
  w.text(p.generated(formatDay(summary.today, lang)), { size: 9, color: MUTED, gapBefore: 4 });

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

  const { general, routes } = summary.eligibility;
  if (general.length > 0 || routes.length > 0) {
    w.heading(s.eligibility);
    const mark = (state: string) => (state === 'fits' || state === 'holds' ? '✔' : state === 'rejected' || state === 'fails' ? '✘' : '•');
    const tone = (state: string) => (state === 'fits' || state === 'holds' ? GOOD : state === 'rejected' || state === 'fails' ? MUTED : WARN);
    if (general.length > 0) w.text(s.generalRules, { size: 10.5, gapBefore: 4 });
    for (const rule of general) {
      w.text(`${mark(rule.state)} ${localise(rule.rule.text, lang).text} — ${ruleState(rule, lang)}`, { indent: 8, color: tone(rule.state), gapBefore: 2 });
      for (const line of describeRule(procedure, rule, lang)) w.text(line, { indent: 22, size: 9, color: MUTED });
    }
    if (routes.length > 0) w.text(s.routes, { size: 10.5, gapBefore: 6 });
    for (const route of routes) {
      const chosen = route.chosen ? ` (${s.yourChoice})` : '';
      w.text(`${mark(route.state)} ${localise(route.label, lang).text}${chosen} — ${routeState(route.state, lang)}`, { indent: 8, color: tone(route.state), gapBefore: 3 });
      for (const rule of rulesToShow(route)) {
        w.text(`${localise(rule.rule.text, lang).text} — ${ruleState(rule, lang)}`, { indent: 22, size: 9 });
        for (const line of describeRule(procedure, rule, lang)) w.text(line, { indent: 32, size: 9, color: MUTED });
      }
    }
  }

  w.heading(s.checklist);
  const printNode = (node: NodeView, depth: number) => {
    if (node.applies === false) return;
    const indent = Math.min(depth, 6) * 12;
    if (node.item) {
      const i = node.item;
      const stale = i.validity && i.validity.state !== 'valid';
      w.text(`• ${i.title} — ${s.status[i.status]}`, { indent, color: stale ? ALERT : (STATUS_COLOR[i.status] ?? INK), gapBefore: 3 });
      const sub = indent + 10;
      if (i.officialName) w.text(i.officialName, { indent: sub, size: 9, color: MUTED });
      if (node.applies === undefined) w.text(s.uncertain, { indent: sub, size: 9, color: WARN });
      if (i.sourceLabel) w.text(`${s.sourceUsed}${colon}${i.sourceLabel}`, { indent: sub, size: 9 });
      if (i.issuedOn) w.text(`${s.issuedOn}${colon}${formatDay(i.issuedOn, lang)}`, { indent: sub, size: 9 });
      const validity = describeValidity(i, lang);
      if (validity) w.text(`${stale ? '⚠ ' : ''}${validity}`, { indent: sub, size: 9, color: stale ? ALERT : INK });
      for (const c of i.captured) w.text(`${c.label}${colon}${c.value}`, { indent: sub, size: 9 });
      if (i.notes) w.text(`${s.notes}${colon}${i.notes}`, { indent: sub, size: 9, color: MUTED });
      return;
    }
    const label = node.label ?? (node.kind === 'oneOf' ? s.oneOf : s.allOf);
    if (depth > 0 || node.label) w.text(label, { indent, size: 10.5, gapBefore: 6, keepWithNext: 14 });
    if (node.kind === 'oneOf') {
      const chosen = node.children.find((c) => c.id === node.chosen);
      w.text(`${s.chosenAlternative}${colon}${chosen ? (chosen.label ?? chosen.id) : s.notChosen}`, { indent: indent + 10, size: 9, color: chosen ? INK : WARN });
      if (chosen) return printNode(chosen, depth + 1);
    }
    node.children.forEach((c) => printNode(c, depth + 1));
  };
  printNode(summary.tree, 0);

  w.heading(s.todo);
  if (summary.todo.length === 0) w.text(s.nothingLeft, { color: GOOD });
  for (const t of summary.todo) {
    if (t.kind === 'choice') {
      w.text(`• ${t.title} — ${s.todoChoose}`, { gapBefore: 3, color: WARN });
      continue;
    }
    w.text(`• ${t.title} — ${s.status[t.status ?? 'not-started']}`, { gapBefore: 3, color: t.validity ? ALERT : INK });
    const validity = describeValidity(t, lang);
    if (validity) w.text(validity, { indent: 10, size: 9, color: ALERT });
    if (t.next) {
      w.text(`${s.nextStep} (${t.next.sourceLabel})${colon}${t.next.text}`, { indent: 10, size: 9 });
      if (t.next.url) w.text(t.next.url, { indent: 10, size: 8.5, color: MUTED });
      if (t.next.unconfirmed) w.text(s.unconfirmed, { indent: 10, size: 8, color: MUTED });
    }
  }

  w.heading(s.appointments);
  if (summary.appointments.length === 0) w.text(s.noAppointments, { color: MUTED });
  for (const a of summary.appointments) {
    const details = [a.place, a.reference ? `${s.reference}${colon}${a.reference}` : undefined].filter(Boolean).join(' — ');
    w.text(`• ${formatMoment(a.start, lang)} — ${a.service}`, { gapBefore: 3 });
    if (details) w.text(details, { indent: 10, size: 9 });
  }

  w.heading(s.fees);
  for (const line of summary.fees.lines) {
    w.text(`• ${localise(line.label, lang).text}${colon}${feeAmount(line, lang)} (${feeBasis(line, lang)})`, { gapBefore: 2 });
  }
  w.text(`${s.feeTotal}${colon}${feeAmount(summary.fees, lang)} — ${feeTotalBasis(summary.fees, lang)}`, { gapBefore: 4, size: 11 });

  if (summary.documentRules && summary.documentRules.authentication !== 'none') {
    w.heading(`${s.foreignDocs} — ${countryName(summary.documentRules.country, lang)}`);
    for (const line of describeRules(summary.documentRules, lang)) w.text(`• ${line}`);
    w.text(s.checkWithCommune, { size: 9, color: MUTED });
  }

  w.heading(p.sources);
  for (const src of summary.sources) {
    w.text(`${src.what} — ${p.lastVerified(formatDay(src.lastVerified, lang))}`, { size: 9, gapBefore: 2 });
    for (const ref of src.provenance) w.text(ref, { indent: 10, size: 8, color: MUTED });
  }
  w.text(p.disclaimer, { size: 9, color: MUTED, gapBefore: 10 });

  w.footers(`Be Civic — ${dossier.label}`, p.page);
  return doc.save();
}
