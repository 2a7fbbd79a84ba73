/**
 * Everything the catalog says about going to the desk, with or without a commune: the procedure's
 * delays and notes, and each visit with who must come, what to bring (and which requirement each
 * document is for), and how to book — the commune's channels when the dossier has a commune, else the
 * authority's own (a consulate), else "ask the authority". Pure; the dashboard and the PDF render it.
 */
import type { Commune, Duration, LocalText, Procedure } from '../catalog/compiled';
import { localise, type Lang } from '../i18n';
import type { Status } from '../model/data';
import type { Checklist, ChecklistDoc } from './checklist';
import { evaluateCondition, SETTLED, type Answers } from './requirements';

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
  kind: 'online' | 'phone' | 'email' | 'walk-in';
  value: string;
  /** A link that opens the channel: the booking page, a tel: or a mailto: link. */
  href?: string;
  /** Which service or reason to pick there (commune channels). */
  choose?: string;
  note?: string;
}

/**
 * How a visit is booked: `commune` (the dossier's commune's channels), `authority` (the procedure's own,
 * e.g. the consulate's page), or `ask` (nothing known: ask the authority named in `authority`).
 */
export type VisitBooking =
  | { from: 'commune'; channels: ChannelView[] }
  | { from: 'authority'; channels: ChannelView[] }
  | { from: 'ask'; authority: string; communeNeeded: boolean };

export interface BringView {
  artefact: string;
  title: string;
  /** The requirements this document is for at the desk. */
  proves: string[];
  status: Status;
  ready: boolean;
}

export interface VisitView {
  id: string;
  label: string;
  who?: string;
  note?: string;
  appointment?: 'required' | 'walk-in' | 'optional';
  requiresCompleteFile: boolean;
  /** It depends on a question not answered yet. */
  uncertain: boolean;
  bring: BringView[];
  missing: BringView[];
  booking: VisitBooking;
  /** The desk will not take the file as it stands (complete-file rule and something missing). */
  refusedIfBookedNow: boolean;
}

const READY: ReadonlySet<Status> = new Set(['obtained', 'submitted']);

export function channelHref(kind: ChannelView['kind'], value: string): string | undefined {
  if (kind === 'online') return /^https:\/\//.test(value) ? value : undefined;
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
  checklist: Checklist;
  statusOf: (artefact: string) => Status | undefined;
  lang: Lang;
}

/**
 * The procedure's visits for this dossier. A visit that lists what to bring gets those documents (as far
 * as the dossier needs them); one that lists nothing gets the whole checklist, which is what a desk
 * taking the file checks.
 */
export function dossierVisits({ procedure, answers, commune, checklist, statusOf, lang }: VisitsInput): VisitView[] {
  const show = (t: LocalText) => localise(t, lang).text;
  const byArtefact = new Map(checklist.documents.map((d) => [d.artefact, d]));
  const bringOf = (doc: ChecklistDoc): BringView => {
    const status = statusOf(doc.artefact) ?? 'not-started';
    return { artefact: doc.artefact, title: doc.title, proves: doc.proves, status, ready: READY.has(status) };
  };
  return procedure.visits.flatMap((visit) => {
    const applies = visit.when ? evaluateCondition(visit.when, answers) : true;
    if (applies === false) return [];
    const docs = visit.bring.length > 0 ? visit.bring.map((a) => byArtefact.get(a)).filter((d): d is ChecklistDoc => Boolean(d)) : checklist.documents;
    const bring = docs.map(bringOf).filter((b) => b.status !== 'not-needed');
    const missing = bring.filter((b) => !b.ready && !SETTLED.has(b.status));
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
        booking: bookingFor(procedure, visit.id, commune, lang),
        refusedIfBookedNow: visit.requires_complete_file && missing.length > 0,
      },
    ];
  });
}

function bookingFor(procedure: Procedure, visitId: string, commune: Commune | undefined, lang: Lang): VisitBooking {
  const show = (t: LocalText) => localise(t, lang).text;
  if (commune && commune.booking.length > 0) {
    return {
      from: 'commune',
      channels: commune.booking.map((channel) => {
        const service =
          channel.services.find((s) => s.for === procedure.id && s.visit === visitId) ??
          channel.services.find((s) => s.for === procedure.id && s.visit === undefined);
        const href = channelHref(channel.kind, channel.value);
        return {
          kind: channel.kind,
          value: channel.value,
          ...(href ? { href } : {}),
          ...(service ? { choose: show(service.choose) } : {}),
          ...(channel.note ? { note: show(channel.note) } : {}),
        };
      }),
    };
  }
  if (procedure.authority_booking.length > 0) {
    return {
      from: 'authority',
      channels: procedure.authority_booking.map((channel) => {
        const href = channelHref(channel.kind, channel.value);
        return { kind: channel.kind, value: channel.value, ...(href ? { href } : {}), ...(channel.note ? { note: show(channel.note) } : {}) };
      }),
    };
  }
  // A commune procedure without the commune chosen yet: the user is told to pick it to see its channels.
  return { from: 'ask', authority: show(procedure.authority), communeNeeded: !commune && !procedure.regions.includes('abroad') };
}
