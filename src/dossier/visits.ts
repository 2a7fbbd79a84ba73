/**
 * Everything the catalog says about going to the desk, with or without a commune: the procedure's
 * delays and notes, and each visit with who must come, what to bring (and which requirement each
 * document is for) and how it is booked. Only a visit the user books gets booking channels: the
 * commune's, else the consulate's, else "ask"; a visit by invitation or a walk-in says so. A desk that
 * refuses an incomplete file gets the whole file, alternatives as one line, and a document that is
 * expired or about to expire is never ready. Pure; the dashboard, the reminder and the PDF render it.
 */
import type { BookingPlatform, Commune, Consulate, Duration, LocalText, Procedure } from '../catalog/compiled';
import { localise, type Lang } from '../i18n';
import type { Appointment, Status } from '../model/data';
import type { Checklist, ChecklistDoc } from './checklist';
import { evaluateCondition, SETTLED, type Answers } from './requirements';
import type { ValidityState } from './validity';

export interface DelayView {
  id: string;
  label: string;
  duration?: Duration;
  atLeast?: Duration;
  note?: string;
  /** It depends on a question not answered yet. */
  uncertain: boolean;
}

export interface ChannelView {
  kind: 'online' | 'phone' | 'email' | 'walk-in' | 'request-form';
  value: string;
  /** A link that opens the channel: the booking page, a tel: or a mailto: link (never an http page). */
  href?: string;
  /** Which service or reason to pick there. */
  choose?: string;
  /** That label was not seen on the booking site itself. */
  chooseUnverified?: boolean;
  note?: string;
  /** The booking platform the channel is on. */
  platform?: { id: string; name: string; inPage: boolean; notes?: string; serviceList: string };
  /** The page is only known over http: not encrypted, so Be Civic guides from the dashboard. */
  notEncrypted?: boolean;
  /** The sources name this channel but its address or platform was not seen. */
  unverified?: boolean;
}

/**
 * How a visit is booked: `commune` / `authority` (the dossier's commune's or consulate's channels, in
 * `name`), `unknown` (the commune is known but no source says how it books), `ask` (no commune chosen
 * or nothing known: ask the authority), `invitation` (the office invites: nothing to book), `walk-in`
 * (no appointment; the commune's walk-in desks when known).
 */
export type VisitBooking =
  | { from: 'commune' | 'authority'; name: string; channels: ChannelView[] }
  | { from: 'unknown'; name: string; website?: string }
  | { from: 'ask'; authority: string; communeNeeded: boolean }
  | { from: 'invitation' }
  | { from: 'walk-in'; channels: ChannelView[] };

export interface BringView {
  artefact: string;
  title: string;
  /** Other documents that do instead, shown on the same line ("or …"). */
  or: string[];
  /** The requirements this document is for at the desk. */
  proves: string[];
  status: Status;
  /** Obtained (or one of its alternatives is) and not expired or about to expire. */
  ready: boolean;
  validity?: ValidityState;
  /** It depends on a question not answered yet. */
  uncertain: boolean;
}

export interface VisitView {
  id: string;
  label: string;
  who?: string;
  note?: string;
  appointment?: 'required' | 'invitation' | 'walk-in' | 'optional';
  requiresCompleteFile: boolean;
  /** It depends on a question not answered yet. */
  uncertain: boolean;
  bring: BringView[];
  missing: BringView[];
  booking: VisitBooking;
  /** The desk will not take the file as it stands: complete-file rule, and something missing or not yet known. */
  refusedIfBookedNow: boolean;
  /** The appointments the user saved for this visit. */
  appointments: Appointment[];
}

const READY: ReadonlySet<Status> = new Set(['obtained', 'submitted']);

export function channelHref(kind: ChannelView['kind'], value: string): string | undefined {
  if (kind === 'online' || kind === 'request-form') return /^https:\/\//.test(value) ? value : undefined;
  if (kind === 'phone') return `tel:${value.replace(/[^\d+]/g, '')}`;
  if (kind === 'email') return `mailto:${value}`;
  return undefined;
}

export function procedureDelays(procedure: Procedure, answers: Answers, lang: Lang): DelayView[] {
  const show = (t: LocalText) => localise(t, lang).text;
  return procedure.delays.flatMap((d) => {
    const applies = d.when ? evaluateCondition(d.when, answers) : true;
    if (applies === false) return [];
    return [
      {
        id: d.id,
        label: show(d.label),
        ...(d.duration ? { duration: d.duration } : {}),
        ...(d.at_least ? { atLeast: d.at_least } : {}),
        ...(d.note ? { note: show(d.note) } : {}),
        uncertain: applies === undefined,
      },
    ];
  });
}

export function procedureNotes(procedure: Procedure, lang: Lang): string[] {
  return procedure.notes.map((n) => localise(n, lang).text);
}

export interface VisitsInput {
  procedure: Procedure;
  answers: Answers;
  commune?: Commune;
  consulate?: Consulate;
  platforms: BookingPlatform[];
  checklist: Checklist;
  statusOf: (artefact: string) => Status | undefined;
  /** How a held document stands at the planned visit (expired, expiring soon), when its dates are known. */
  validityOf: (artefact: string) => ValidityState | undefined;
  appointments: Appointment[];
  lang: Lang;
}

/**
 * What a desk that takes the whole file checks: every document of the checklist, each one-of that is
 * not settled by the user or the answers shown as one line (its first document, "or" the others).
 */
function wholeFile(checklist: Checklist): Array<{ doc: ChecklistDoc; or: ChecklistDoc[][] }> {
  const lines = new Map<string, { doc: ChecklistDoc; or: ChecklistDoc[][] }>();
  for (const doc of checklist.documents) lines.set(doc.artefact, { doc, or: [] });
  for (const item of checklist.items) {
    for (const choice of item.choices) {
      const open = !choice.suggested || choice.suggested.because === 'listed-first';
      if (!open || choice.others.length === 0) continue;
      const mine = item.docs.find((d) => d.nodes.includes(choice.suggested?.alternative ?? '') || d.nodes.includes(choice.node));
      const line = mine && lines.get(mine.artefact);
      if (line) line.or.push(...choice.others.map((o) => o.docs));
    }
  }
  return [...lines.values()];
}

export function dossierVisits(input: VisitsInput): VisitView[] {
  const { procedure, answers, checklist, statusOf, validityOf, appointments, lang } = input;
  const show = (t: LocalText) => localise(t, lang).text;
  const byArtefact = new Map(checklist.documents.map((d) => [d.artefact, d]));
  const held = (artefact: string) => {
    const status = statusOf(artefact) ?? 'not-started';
    const validity = validityOf(artefact);
    return { status, validity, ready: READY.has(status) && (validity === undefined || validity === 'valid') };
  };
  const bringOf = (doc: ChecklistDoc, or: ChecklistDoc[][] = []): BringView => {
    const own = held(doc.artefact);
    const alternativeReady = or.some((docs) => docs.length > 0 && docs.every((d) => held(d.artefact).ready));
    return {
      artefact: doc.artefact,
      title: doc.title,
      or: or.map((docs) => docs.map((d) => d.title).join(' + ')).filter(Boolean),
      proves: doc.proves,
      status: own.status,
      ready: own.ready || alternativeReady,
      ...(own.validity ? { validity: own.validity } : {}),
      uncertain: doc.uncertain,
    };
  };
  return procedure.visits.flatMap((visit) => {
    const applies = visit.when ? evaluateCondition(visit.when, answers) : true;
    if (applies === false) return [];
    const lines = visit.requires_complete_file || visit.bring.length === 0
      ? wholeFile(checklist)
      : visit.bring.map((a) => byArtefact.get(a)).filter((d): d is ChecklistDoc => Boolean(d)).map((doc) => ({ doc, or: [] }));
    const bring = lines.map(({ doc, or }) => bringOf(doc, or)).filter((b) => b.status !== 'not-needed');
    const missing = bring.filter((b) => !b.ready && !(SETTLED.has(b.status) && b.validity === undefined));
    const unsure = bring.some((b) => b.uncertain);
    return [
      {
        id: visit.id,
        label: show(visit.label),
        ...(visit.who ? { who: show(visit.who) } : {}),
        ...(visit.note ? { note: show(visit.note) } : {}),
        ...(visit.appointment ? { appointment: visit.appointment } : {}),
        requiresCompleteFile: visit.requires_complete_file,
        uncertain: applies === undefined,
        bring,
        missing,
        booking: bookingFor(input, visit.id, visit.appointment),
        refusedIfBookedNow: visit.requires_complete_file && (missing.length > 0 || unsure),
        appointments: appointments.filter((a) => a.visit === visit.id),
      },
    ];
  });
}

function bookingFor({ procedure, commune, consulate, platforms, lang }: VisitsInput, visitId: string, appointment: string | undefined): VisitBooking {
  const show = (t: LocalText) => localise(t, lang).text;
  const view = (channel: (Commune['booking'])[number]): ChannelView => {
    const service =
      channel.services.find((s) => s.for === procedure.id && s.visit === visitId) ??
      channel.services.find((s) => s.for === procedure.id && s.visit === undefined);
    const platform = channel.platform ? platforms.find((p) => p.id === channel.platform) : undefined;
    const notEncrypted = platform?.scheme === 'http' || /^http:\/\//.test(channel.value);
    const href = channelHref(channel.kind, channel.value);
    return {
      kind: channel.kind,
      value: channel.value,
      ...(href ? { href } : {}),
      ...(service ? { choose: show(service.choose), ...(service.unverified ? { chooseUnverified: true } : {}) } : {}),
      ...(channel.note ? { note: show(channel.note) } : {}),
      ...(platform
        ? {
            platform: {
              id: platform.id,
              name: show(platform.name),
              inPage: platform.in_page && !notEncrypted,
              serviceList: show(platform.service_list.label),
              ...(platform.notes ? { notes: show(platform.notes) } : {}),
            },
          }
        : {}),
      ...(notEncrypted ? { notEncrypted: true } : {}),
      ...(channel.unverified ? { unverified: true } : {}),
    };
  };
  if (appointment === 'invitation') return { from: 'invitation' };
  if (appointment === 'walk-in') return { from: 'walk-in', channels: (commune?.booking ?? consulate?.booking ?? []).filter((c) => c.kind === 'walk-in').map(view) };
  if (commune) {
    return commune.booking.length > 0
      ? { from: 'commune', name: show(commune.names), channels: commune.booking.map(view) }
      : { from: 'unknown', name: show(commune.names), ...(commune.website ? { website: commune.website } : {}) };
  }
  if (consulate && consulate.booking.length > 0) return { from: 'authority', name: show(consulate.names), channels: consulate.booking.map(view) };
  // A commune procedure without the commune chosen yet: the user is told to pick it to see its channels.
  return { from: 'ask', authority: show(procedure.authority), communeNeeded: !procedure.regions.includes('abroad') };
}
