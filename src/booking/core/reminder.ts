/**
 * When and what to remind: the evening before an appointment, with the papers to bring. Pure; the
 * background turns it into an alarm and, if the user allowed notifications, a notification.
 */
import type { Lang } from '../../model/lang';
import { REMINDER_STRINGS } from '../../i18n/reminder';

/** Reminders go out at this hour, local time, the day before the appointment. */
export const REMINDER_HOUR = 18;

/** `start` is local YYYY-MM-DDTHH:mm. Returns the moment to remind, or undefined once the appointment has passed. */
export function reminderAt(start: string, now: number): number | undefined {
  const m = start.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/);
  if (!m) return undefined;
  const at = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!).getTime();
  if (at <= now) return undefined;
  const eve = new Date(+m[1]!, +m[2]! - 1, +m[3]! - 1, REMINDER_HOUR, 0).getTime();
  // Booked after the usual reminder time: remind right away rather than never.
  return Math.max(eve, now + 60_000);
}


/**
 * The notification's words. Discreet (the default setting) says the time and nothing else: lock
 * screens and notification centres show it to whoever looks, and the procedure or the papers (a
 * residence permit, an asylum certificate) say more about a person than they should see.
 */
export function reminderText(
  lang: Lang,
  appointment: { start: string; service: string; place?: string },
  bring: Array<{ title: string; ready: boolean }>,
  discreet: boolean,
): { title: string; message: string } {
  const w = REMINDER_STRINGS[lang];
  const time = appointment.start.slice(11);
  if (discreet) return { title: w.discreetTitle(time), message: w.discreetMessage };
  const title = w.title(`${time} · ${appointment.service}`);
  const items = bring.map((b) => `• ${b.title}${b.ready ? '' : ` (${w.missing})`}`);
  const message = [appointment.place, items.length ? `${w.bring}:` : w.nothing, ...items].filter(Boolean).join('\n');
  return { title, message };
}
