import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launch, type Session } from '../support/harness';

/**
 * Appointment reminders end to end in Chromium: the user turns reminders on in the dashboard (which
 * asks for the optional notifications permission in that click), an appointment is saved, and when its
 * alarm fires the background shows a notification: the time only while notifications are discreet (the
 * default), the appointment and the papers to bring once the user turns that off.
 * Chromium's permission prompt cannot be answered by automation, so the profile holds the user's grant
 * (as a user who said yes would); the alarm is moved to now, since the real one is for the evening before.
 */
// Evaluated in the extension's own page and worker, where the chrome namespace exists.
declare const chrome: any;

type Reply = { ok: true; data: any } | { ok: false; error: unknown };

async function call(page: Page, type: string, payload: unknown): Promise<any> {
  const reply = await page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }) as Promise<Reply>, [type, payload] as const);
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

/** Tomorrow at 10:00, local time, as the protocol writes appointments (YYYY-MM-DDTHH:mm). */
function tomorrowAtTen(): string {
  const d = new Date(Date.now() + 24 * 3600_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T10:00`;
}

describe('appointment reminders', () => {
  let session: Session;
  let dashboard: Page;

  beforeAll(async () => {
    session = await launch({ grantPermissions: ['notifications'] });
    dashboard = await session.open(`chrome-extension://${session.extensionId}/dashboard.html#settings`);
  });
  afterAll(() => session?.close());

  it('turning reminders on asks for the permission in the click and keeps the setting', async () => {
    const box = dashboard.getByRole('checkbox', { name: /Remind me the evening before/ });
    await expect.poll(() => box.isChecked()).toBe(false);
    await box.check();
    await expect.poll(() => dashboard.getByRole('status').textContent()).toBe('Reminders are on.');
    expect((await call(dashboard, 'settings:get', {})).notifications).toBe(true);
    expect(await dashboard.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(true);
  });

  it('the alarm of an appointment shows a notification with what to bring', async () => {
    const dossier = await call(dashboard, 'dossier:create', { procedure: 'address-change', label: 'Amira', answers: {}, choices: {}, lang: 'en' });
    const appointment = await call(dashboard, 'appointment:save', { id: crypto.randomUUID(), dossierId: dossier.id, service: 'Address change', start: tomorrowAtTen(), place: 'Town hall, counter 3' });
    const name = `be-civic-reminder:${appointment.id}`;
    const { worker } = session;
    await eventually(() => worker.evaluate(async (name) => (await chrome.alarms.get(name)) ?? undefined, name), 'the reminder alarm');
    await worker.evaluate(() => {
      const shown: unknown[] = [];
      (globalThis as { shownNotifications?: unknown[] }).shownNotifications = shown;
      const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
      (chrome.notifications as { create: unknown }).create = (...args: unknown[]) => (shown.push(args), create(...args));
    });
    // Unpacked extensions may set an alarm closer than 30 s: the reminder fires now instead of tomorrow eve.
    const fire = async () => {
      await worker.evaluate((name) => chrome.notifications.clear(name), name);
      await worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 200 }), name);
      const notified = await eventually(
        () => worker.evaluate(async (name) => (Object.keys(await chrome.notifications.getAll()).includes(name) ? true : undefined), name),
        'the notification',
      );
      expect(notified).toBe(true);
      const shown = (await worker.evaluate(() => (globalThis as { shownNotifications?: unknown[] }).shownNotifications!.splice(0))) as Array<[string, { title: string; message: string }]>;
      expect(shown.map(([id]) => id)).toEqual([name]);
      return shown[0]![1];
    };

    // Discreet by default: a locked screen shows the time, never the procedure, the place or the papers.
    const discreet = await fire();
    expect(discreet.title).toBe('Appointment tomorrow at 10:00');
    expect(`${discreet.title}\n${discreet.message}`).not.toMatch(/Address change|Town hall/);

    await call(dashboard, 'settings:update', { discreetNotifications: false });
    const detailed = await fire();
    expect(detailed.title).toBe('Appointment tomorrow: 10:00 · Address change');
    expect(detailed.message.split('\n')[0]).toBe('Town hall, counter 3');
  });
});
