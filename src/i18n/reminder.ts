/**
 * The words of an appointment reminder, the notification the background shows the evening before
 * (src/booking/core/reminder.ts puts them together).
 */
import type { Lang } from '../model/lang';

export interface ReminderStrings {
  title: (place: string) => string;
  /** The discreet reminder (the default): what a lock screen may show to anyone, the time only. */
  discreetTitle: (time: string) => string;
  discreetMessage: string;
  bring: string;
  missing: string;
  nothing: string;
}

export const REMINDER_STRINGS: Record<Lang, ReminderStrings> = {
  fr: { discreetTitle: (t) => `Rendez-vous demain à ${t}`, discreetMessage: 'Ouvrez Be Civic pour voir où, et quoi apporter.', title: (p) => `Rendez-vous demain : ${p}`, bring: 'À apporter', missing: 'encore manquant', nothing: 'Rien d’autre à apporter que votre carte d’identité.' },
  nl: { discreetTitle: (t) => `Afspraak morgen om ${t}`, discreetMessage: 'Open Be Civic om te zien waar, en wat u meebrengt.', title: (p) => `Afspraak morgen: ${p}`, bring: 'Mee te brengen', missing: 'ontbreekt nog', nothing: 'Niets mee te brengen behalve uw identiteitskaart.' },
  de: { discreetTitle: (t) => `Termin morgen um ${t}`, discreetMessage: 'Öffnen Sie Be Civic, um zu sehen, wo und was Sie mitbringen.', title: (p) => `Termin morgen: ${p}`, bring: 'Mitzubringen', missing: 'fehlt noch', nothing: 'Außer Ihrem Ausweis nichts mitzubringen.' },
  en: { discreetTitle: (t) => `Appointment tomorrow at ${t}`, discreetMessage: 'Open Be Civic to see where, and what to bring.', title: (p) => `Appointment tomorrow: ${p}`, bring: 'Bring', missing: 'still missing', nothing: 'Nothing to bring but your identity card.' },
};
