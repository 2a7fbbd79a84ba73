/**
 * What the user needs to book one commune visit: the commune's booking channels and which service to
 * pick on each, who must come, what to bring — derived from the dossier's progress, with what is still
 * missing — and whether the desk will refuse an incomplete file. Pure: the dashboard renders it, the
 * booking-page panel and the reminder reuse it.
 */
import type { CompiledCatalog, Commune, Procedure, LocalText } from '../../catalog/compiled';
import type { Dossier, Progress, Status } from '../../model/data';
import { neededArtefacts } from '../../dossier/requirements';
import { localise, type Lang } from '../../i18n';
import type { Shown } from '../../model/views';

export interface BookingChannel {
  kind: 'online' | 'phone' | 'email' | 'walk-in';
  value: string;
  /** A link that opens the channel: the booking page, a tel: or a mailto: link. */
  href?: string;
  choose?: Shown;
  note?: Shown;
}

export interface BringItem {
  artefact: string;
  title: Shown;
  status: Status;
  ready: boolean;
}

export interface BookingPlan {
  commune: { id: string; name: Shown; languages: Commune['languages'] };
  visit: { id: string; label: Shown; who?: Shown; note?: Shown; appointment?: 'required' | 'walk-in' | 'optional'; requiresCompleteFile: boolean };
  channels: BookingChannel[];
  bring: BringItem[];
  missing: BringItem[];
  /** The desk will not take the file as it stands (complete-file rule and something missing). */
  refusedIfBookedNow: boolean;
}

/** Statuses meaning the user holds the document (or has handed it in already). */
const READY: ReadonlySet<Status> = new Set(['obtained', 'submitted']);

function hrefFor(kind: BookingChannel['kind'], value: string): string | undefined {
  if (kind === 'online') return /^https:\/\//.test(value) ? value : undefined;
  if (kind === 'phone') return `tel:${value.replace(/[^\d+]/g, '')}`;
  if (kind === 'email') return `mailto:${value}`;
  return undefined;
}

export function bookingPlan(
  catalog: Pick<CompiledCatalog, 'artefacts' | 'communes'>,
  procedure: Procedure,
  visitId: string,
  dossier: Pick<Dossier, 'answers' | 'choices' | 'commune'>,
  progress: Pick<Progress, 'artefact' | 'status'>[],
  lang: Lang,
): BookingPlan {
  const visit = procedure.visits.find((v) => v.id === visitId);
  if (!visit) throw new Error(`procedure "${procedure.id}" has no visit "${visitId}"`);
  const commune = catalog.communes.find((c) => c.id === dossier.commune);
  if (!commune) throw new Error(dossier.commune ? `unknown commune "${dossier.commune}"` : 'choose the commune of the dossier first');
  const show = (t: LocalText): Shown => localise(t, lang);

  const statusOf = new Map(progress.map((p) => [p.artefact, p.status]));
  const needed = neededArtefacts(procedure, dossier);
  const neededIds = new Set(needed.map((n) => n.artefact));
  // A visit that lists what to bring is taken at its word (filtered to what this dossier needs);
  // one that lists nothing gets the dossier's whole file, which is what a first-visit desk checks.
  const wanted = visit.bring.length > 0 ? visit.bring.filter((a) => neededIds.has(a)) : [...neededIds];
  const bring: BringItem[] = [...new Set(wanted)]
    .map((artefact) => {
      const status = statusOf.get(artefact) ?? 'not-started';
      const title = catalog.artefacts.find((a) => a.id === artefact)?.title ?? { fr: artefact };
      return { artefact, title: show(title), status, ready: READY.has(status) };
    })
    .filter((item) => item.status !== 'not-needed');
  const missing = bring.filter((item) => !item.ready);

  const channels: BookingChannel[] = commune.booking.map((channel) => {
    const service =
      channel.services.find((s) => s.for === procedure.id && s.visit === visit.id) ??
      channel.services.find((s) => s.for === procedure.id && s.visit === undefined);
    const href = hrefFor(channel.kind, channel.value);
    return {
      kind: channel.kind,
      value: channel.value,
      ...(href ? { href } : {}),
      ...(service ? { choose: show(service.choose) } : {}),
      ...(channel.note ? { note: show(channel.note) } : {}),
    };
  });

  return {
    commune: { id: commune.id, name: show(commune.names), languages: commune.languages },
    visit: {
      id: visit.id,
      label: show(visit.label),
      ...(visit.who ? { who: show(visit.who) } : {}),
      ...(visit.note ? { note: show(visit.note) } : {}),
      ...(visit.appointment ? { appointment: visit.appointment } : {}),
      requiresCompleteFile: visit.requires_complete_file,
    },
    channels,
    bring,
    missing,
    refusedIfBookedNow: visit.requires_complete_file && missing.length > 0,
  };
}
