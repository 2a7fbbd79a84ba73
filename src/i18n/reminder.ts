/**
 * The words of an appointment reminder, the notification the background shows the evening before
 * (src/booking/core/reminder.ts puts them together).
 */
import type { Lang } from '../model/lang';

export interface ReminderStrings {
  title: (place: string) => string;
  bring: string;
  missing: string;
  nothing: string;
}

export const REMINDER_STRINGS: Record<Lang, ReminderStrings> = {
  fr: { title: (p) => `Rendez-vous demain : ${p}`, bring: 'À apporter', missing: 'encore manquant', nothing: 'Rien d’autre à apporter que votre carte d’identité.' },
  nl: { title: (p) => `Afspraak morgen: ${p}`, bring: 'Mee te brengen', missing: 'ontbreekt nog', nothing: 'Niets mee te brengen behalve uw identiteitskaart.' },
  de: { title: (p) => `Termin morgen: ${p}`, bring: 'Mitzubringen', missing: 'fehlt noch', nothing: 'Außer Ihrem Ausweis nichts mitzubringen.' },
  en: { title: (p) => `Appointment tomorrow: ${p}`, bring: 'Bring', missing: 'still missing', nothing: 'Nothing to bring but your identity card.' },
};
