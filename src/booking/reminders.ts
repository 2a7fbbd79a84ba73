/**
 * Appointment reminders in the background: an alarm per appointment for the evening before, and at
 * that moment a notification listing the papers to bring — only if the user granted notifications
 * (an optional permission asked for in the dashboard). Alarms survive the worker being stopped.
 */
import { browser } from 'wxt/browser';
import type { Appointment } from '../store/model';
import type { Lang } from '../i18n';
import { reminderAt, reminderText } from './reminder';

const PREFIX = 'be-civic-reminder:';

export async function scheduleReminder(appointment: Pick<Appointment, 'id' | 'start'>, now = Date.now()): Promise<number | undefined> {
  const when = reminderAt(appointment.start, now);
  await browser.alarms.clear(PREFIX + appointment.id);
  if (when !== undefined) await browser.alarms.create(PREFIX + appointment.id, { when });
  return when;
}

export async function cancelReminder(appointmentId: string): Promise<void> {
  await browser.alarms.clear(PREFIX + appointmentId);
}

export interface ReminderContent {
  lang: Lang;
  appointment: Pick<Appointment, 'start' | 'service' | 'place'>;
  bring: Array<{ title: string; ready: boolean }>;
}

/**
 * Registers the alarm listener (call it synchronously at the background's start, so a wake-up by the
 * alarm finds it). `load` reads the appointment and what to bring from the store at firing time, so the
 * list reflects the dossier as it is then.
 */
export function listenForReminders(load: (appointmentId: string) => Promise<ReminderContent | undefined>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(PREFIX)) return;
    void (async () => {
      const id = alarm.name.slice(PREFIX.length);
      if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
      const content = await load(id);
      if (!content) return;
      const { title, message } = reminderText(content.lang, content.appointment, content.bring);
      await browser.notifications.create(PREFIX + id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    })();
  });
}
