/**
 * The desk copy's guidance sections: the readable checklist (each document once, what it proves, its
 * sources in order with the one used or suggested marked, the pre-step, "only the commune", advice for
 * foreign records), the visits (who comes, what to bring, how to book, the appointment), delays and
 * notes, fees per applicant, and the sources named for people. Laid out on a Layout (pdf-layout.ts).
 */
import type { DossierSummary, ItemView, NodeView } from '../dossier/summary';
import type { ChecklistDoc } from '../dossier/checklist';
import type { VisitView } from '../dossier/visits';
import { alternativeName, describeDelay, describePerPerson, describeRules, describeValidity, feeAmount, feeBasis, feeTotalBasis } from '../dossier/describe';
import { dashboardStrings } from '../i18n/dashboard';
import { GUIDANCE_STRINGS } from '../i18n/guidance';
import { PDF_STRINGS } from '../i18n/pdf';
import { formatDay, formatList, formatMoment } from '../i18n/format';
import { localise } from '../i18n';
import type { Layout, Tone } from './pdf-layout';

const READY = new Set(['obtained', 'submitted', 'not-needed']);
const STATUS_TONE: Record<string, Tone> = { obtained: 'good', submitted: 'good', 'not-needed': 'muted', requested: 'warn', 'in-progress': 'warn' };

/** Each document's view (status, sources, dates) from the requirement tree, by artefact. */
function itemsOf(tree: NodeView): Map<string, ItemView> {
  const out = new Map<string, ItemView>();
  const walk = (n: NodeView) => {
    if (n.item && !out.has(n.item.artefact)) out.set(n.item.artefact, n.item);
    n.children.forEach(walk);
  };
  walk(tree);
  return out;
}

export function printChecklist(w: Layout, summary: DossierSummary) {
  const { lang } = summary;
  const s = dashboardStrings(lang);
  const g = GUIDANCE_STRINGS[lang];
  const { colon } = PDF_STRINGS[lang];
  const items = itemsOf(summary.tree);
  const printed = new Set<string>();
  w.heading(s.checklist);
  w.text(s.progressCount(summary.counts.settled, summary.counts.needed), { size: 9, tone: 'muted' });

  const printDoc = (doc: ChecklistDoc) => {
    const item = items.get(doc.artefact);
    const status = item?.status ?? 'not-started';
    const stale = item?.validity && item.validity.state !== 'valid';
    w.text(`${READY.has(status) && !stale ? '☑' : '☐'} ${doc.title} — ${s.status[status]}`, { indent: 8, tone: stale ? 'alert' : (STATUS_TONE[status] ?? 'ink'), gapBefore: 3 });
    const line = (text: string, tone: Tone = 'ink', size = 9) => w.text(text, { indent: 22, size, tone });
    if (printed.has(doc.artefact)) return;
    printed.add(doc.artefact);
    if (item?.officialName) line(item.officialName, 'muted');
    if (doc.uncertain) line(s.uncertain, 'warn');
    if (doc.proves.length > 1) line(g.provesAll(formatList(doc.proves, lang)), 'good');
    if (doc.accepts.length > 0) line(g.accepted(formatList(doc.accepts, lang)));
    if (doc.preStep) line(`${g.preStep(doc.preStep.label)}${colon}${doc.preStep.text}`);
    if (doc.onlyCommune) line(g.onlyCommune);
    if (doc.documentRules && doc.documentRules.authentication !== 'none') {
      for (const rule of describeRules(doc.documentRules, lang)) line(`${g.translation}${colon}${rule}`, 'warn');
    }
    if (item && item.sources.length > 0) {
      const used = item.sources.find((x) => x.label === item.sourceLabel)?.id;
      const suggested = item.next?.source;
      line(`${g.sourcesInOrder}${colon}`);
      item.sources.forEach((src, i) => {
        const mark = src.id === used ? ` ✔ (${g.sourceChosen})` : !used && src.id === suggested ? ` → (${g.sourceSuggested})` : '';
        w.text(`${i + 1}. ${src.label}${mark}`, { indent: 32, size: 9, tone: mark ? 'ink' : 'muted' });
      });
    }
    if (item?.next) {
      line(`${s.nextStep}${colon}${item.next.text}`);
      if (item.next.url) line(item.next.url, 'muted', 8.5);
    }
    if (item?.issuedOn) line(`${s.issuedOn}${colon}${formatDay(item.issuedOn, lang)}`);
    const validity = item ? describeValidity(item, lang) : undefined;
    if (validity) line(`${stale ? '⚠ ' : ''}${validity}`, stale ? 'alert' : 'ink');
    for (const c of item?.captured ?? []) line(`${c.label}${colon}${c.value}`);
    if (item?.notes) line(`${s.notes}${colon}${item.notes}`, 'muted');
  };

  for (const entry of summary.checklist.items) {
    w.text(entry.label, { size: 10.5, gapBefore: 7, keepWithNext: 14 });
    if (entry.note) w.text(entry.note, { indent: 8, size: 9, tone: 'muted' });
    entry.docs.forEach(printDoc);
    for (const choice of entry.choices) {
      if (choice.others.length === 0) continue;
      if (choice.suggested) {
        const because = g.suggested[choice.suggested.because];
        w.text(`${choice.label !== entry.label ? `${choice.label} — ` : ''}${because}`, { indent: 8, size: 8.5, tone: 'muted' });
      } else w.text(`${choice.label} — ${g.chooseWay}`, { indent: 8, size: 9, tone: 'warn' });
      w.text(`${g.otherWays(choice.others.length)}${colon}${choice.others.map((o) => alternativeName(o, choice.label)).join(' · ')}`, { indent: 8, size: 8.5, tone: 'muted' });
    }
  }
}

function printBooking(w: Layout, visit: VisitView, summary: DossierSummary) {
  const g = GUIDANCE_STRINGS[summary.lang];
  const line = (text: string, tone: Tone = 'ink') => w.text(text, { indent: 22, size: 9, tone });
  const { booking } = visit;
  if (booking.from === 'invitation') return;
  w.text(g.howToBook, { indent: 8, size: 9.5, gapBefore: 3 });
  if (booking.from === 'ask') return line(booking.communeNeeded ? g.chooseCommune : g.askAuthority(booking.authority));
  if (booking.from === 'unknown') {
    line(g.askAuthority(booking.name));
    if (booking.website) line(g.website(booking.website), 'muted');
    return;
  }
  for (const c of booking.channels) {
    const say = { online: g.bookOnline, 'request-form': g.requestForm, phone: g.call, email: g.mail, 'walk-in': g.walkIn }[c.kind];
    line(say(c.value));
    if (c.choose) w.text(g.chooseThere(c.choose), { indent: 32, size: 9 });
    if (c.note) w.text(c.note, { indent: 32, size: 8.5, tone: 'muted' });
  }
}

export function printVisits(w: Layout, summary: DossierSummary) {
  const { lang } = summary;
  const g = GUIDANCE_STRINGS[lang];
  const s = dashboardStrings(lang);
  const { colon } = PDF_STRINGS[lang];
  if (summary.visits.length > 0) w.heading(g.visits);
  for (const visit of summary.visits) {
    w.text(visit.label, { size: 11, gapBefore: 7, keepWithNext: 20 });
    if (visit.uncertain) w.text(s.uncertain, { indent: 8, size: 9, tone: 'warn' });
    if (visit.who) w.text(`${g.whoComes}${colon}${visit.who}`, { indent: 8 });
    if (visit.appointment) w.text(g.appointment[visit.appointment], { indent: 8, size: 9.5 });
    if (visit.note) w.text(visit.note, { indent: 8, size: 9, tone: 'muted' });
    if (visit.refusedIfBookedNow) w.text(`⚠ ${g.completeFile}`, { indent: 8, size: 9.5, tone: 'alert' });
    for (const a of visit.appointments) w.text(g.yourAppointment(`${formatMoment(a.start, lang)}${a.place ? ` — ${a.place}` : ''}${a.reference ? ` — ${s.reference}${colon}${a.reference}` : ''}`), { indent: 8, tone: 'good' });
    w.text(g.bring, { indent: 8, size: 9.5, gapBefore: 3 });
    for (const b of visit.bring) {
      w.text(`${b.ready ? '☑' : '☐'} ${b.or.length > 0 ? formatList([b.title, ...b.or], lang, 'disjunction') : b.title} — ${b.ready ? g.ready : g.missing}`, { indent: 22, size: 9, tone: b.ready ? 'ink' : 'alert' });
      w.text(g.bringFor(formatList(b.proves, lang)), { indent: 34, size: 8, tone: 'muted' });
    }
    printBooking(w, visit, summary);
  }
  const loose = summary.appointments.filter((a) => !summary.visits.some((v) => v.appointments.some((x) => x.id === a.id)));
  if (loose.length > 0) {
    w.text(s.appointments, { size: 10.5, gapBefore: 6 });
    for (const a of loose) w.text(`• ${formatMoment(a.start, lang)} — ${a.service}${a.place ? ` — ${a.place}` : ''}`, { indent: 8 });
  }
}

export function printDelays(w: Layout, summary: DossierSummary) {
  const { lang } = summary;
  const g = GUIDANCE_STRINGS[lang];
  if (summary.delays.length > 0) {
    w.heading(g.delays);
    for (const d of summary.delays) {
      w.text(`• ${describeDelay(d, lang)}`, { gapBefore: 2, tone: d.uncertain ? 'warn' : 'ink' });
      if (d.note) w.text(d.note, { indent: 10, size: 9, tone: 'muted' });
    }
  }
  if (summary.notes.length > 0) {
    w.heading(g.goodToKnow);
    for (const n of summary.notes) w.text(`• ${n}`, { gapBefore: 2 });
  }
}

export function printFees(w: Layout, summary: DossierSummary) {
  const { lang, fees } = summary;
  const s = dashboardStrings(lang);
  const { colon } = PDF_STRINGS[lang];
  if (fees.lines.length === 0) return;
  w.heading(s.fees);
  for (const line of fees.lines) {
    w.text(`• ${localise(line.label, lang).text}${colon}${feeAmount(line, lang)} (${feeBasis(line, lang)})`, { gapBefore: 2 });
    const each = describePerPerson(line, lang);
    if (each) w.text(each, { indent: 10, size: 9 });
    if (line.note) w.text(localise(line.note, lang).text, { indent: 10, size: 8.5, tone: 'muted' });
  }
  w.text(`${s.feeTotal}${colon}${feeAmount(fees, lang)} — ${feeTotalBasis(fees, lang)}`, { gapBefore: 4, size: 11 });
}

export function printSources(w: Layout, summary: DossierSummary) {
  const { lang } = summary;
  const p = PDF_STRINGS[lang];
  w.heading(p.sources);
  for (const src of summary.sources) {
    w.text(`${src.what} — ${p.lastVerified(formatDay(src.lastVerified, lang))}`, { size: 9, gapBefore: 3 });
    for (const name of src.names) w.text(name.url ? `${name.label} — ${name.url}` : name.label, { indent: 10, size: 8.5, tone: 'muted' });
  }
  w.text(p.disclaimer, { size: 9, tone: 'muted', gapBefore: 10 });
}
