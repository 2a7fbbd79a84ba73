/**
 * Calendar export of a dossier's appointments (.ics, RFC 5545) with the `ics` library, loaded only by
 * the dashboard on click. Appointments are stored in Belgian local time; they are written as floating
 * local times, which a calendar in Belgium shows at the booked hour whatever the machine's zone is.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { Appointment } from '../model/data';

export interface IcsOptions {
  /** Added to every event's title, e.g. the dossier's label. */
  dossierLabel: string;
  /** "Reference" in the UI language, for the description. */
  referenceLabel: string;
}

export function appointmentsToIcs(appointments: Appointment[], options: IcsOptions): string {
  if (appointments.length === 0) throw new Error('no appointment to export');
  const events: EventAttributes[] = appointments.map((a) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(a.start);
    if (!match) throw new Error(`appointment ${a.id} has no valid start (${a.start})`);
    const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
    const description = [a.reference ? `${options.referenceLabel}: ${a.reference}` : undefined, a.notes].filter(Boolean).join('\n');
    return {
      uid: `${a.id}@be-civic`,
      title: `${a.service} — ${options.dossierLabel}`,
      start: [y, mo, d, h, mi],
      startInputType: 'local',
      startOutputType: 'local',
      duration: { minutes: a.durationMinutes ?? 30 },
      ...(a.place ? { location: a.place } : {}),
      ...(description ? { description } : {}),
      productId: 'be-civic',
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('calendar export failed');
  return value;
}
