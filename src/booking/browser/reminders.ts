/**
 * Appointment reminders in the background: an alarm per upcoming appointment for the evening before,
 * and at that moment a notification listing the papers to bring — only if the user granted
 * notifications (an optional permission the dashboard asks for). Alarms survive the worker being
 * stopped; they are reconciled with the stored appointments after every change (save, delete, undo,
 * import, wipe), so there is one rule instead of a hook per message.
 */
import { browser } from 'wxt/browser';
import type { Appointment } from '../../model/data';
import type { Lang } from '../../i18n';
import { reminderAt, reminderText } from '../core/reminder';

const PREFIX = 'be-civic-reminder:';

/** Which alarms should exist for these appointments: name → time. */
export function wantedAlarms(appointments: Array<Pick<Appointment, 'id' | 'start'>>, now: number): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const a of appointments) {
    const when = reminderAt(a.start, now);
    if (when !== undefined) wanted.set(PREFIX + a.id, when);
  }
  return wanted;
}

export async function reconcileReminders(appointments: Array<Pick<Appointment, 'id' | 'start'>>, now = Date.now()): Promise<Map<string, number>> {
  const wanted = wantedAlarms(appointments, now);
  const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(PREFIX));
  for (const alarm of existing) {
    if (wanted.get(alarm.name) !== alarm.scheduledTime) await browser.alarms.clear(alarm.name);
  }
  const kept = new Set(existing.filter((a) => wanted.get(a.name) === a.scheduledTime).map((a) => a.name));
  for (const [name, when] of wanted) if (!kept.has(name)) await browser.alarms.create(name, { when });
  return wanted;
}

export interface ReminderContent {
  lang: Lang;
  appointment: Pick<Appointment, 'start' | 'service' | 'place'>;
  bring: Array<{ title: string; ready: boolean }>;
  /** The time only (settings.discreetNotifications). */
  discreet: boolean;
}

/**
 * Registers the alarm listener (synchronously at the background's start, so a wake-up by the alarm
 * finds it). `load` reads the appointment and what to bring at firing time, so the list is current.
 */
export function listenForReminders(load: (appointmentId: string) => Promise<ReminderContent | undefined>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(PREFIX)) return;
    void (async () => {
      if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
      const content = await load(alarm.name.slice(PREFIX.length));
      if (!content) return;
      const { title, message } = reminderText(content.lang, content.appointment, content.bring, content.discreet);
      await browser.notifications.create(alarm.name, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    })();
  });
}
