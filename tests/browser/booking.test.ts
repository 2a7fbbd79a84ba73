/**
 * Guided booking on a booking platform, in a real Chromium: the FPS Foreign Affairs E-Appointment site,
 * the one platform with https evidence and known steps (catalog/booking-platforms/). The content script
 * runs there only once the user granted the host (written into the profile as Chromium stores a user's
 * grant, see harness.launch); the panel follows the platform's steps on its evidence-modelled fixture
 * under the real hostname, outlines the service each of two consulate dossiers picks without touching
 * the page, explains the fields, and saves the confirmed appointment on its visit (then .ics export and
 * reminder alarm). Without the grant: no panel, and the dashboard asks for access.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentsToIcs } from '../../src/export/ics';
import { ROOT, eventually, launch, type Session } from '../support/harness';
import { axePanel, clickInPanel, hostCount, panelReady, readPanel, type PanelView } from '../support/panel-support';
import { call, over, pickDraftDossier, untilGuide } from '../support/booking-support';

const ORIGIN = 'https://appointment.diplomatie.be/*';
const BOOKING_URL = 'https://appointment.diplomatie.be/Home/Index/00000000-0000-0000-0000-000000000000';
const SERVICE = 'eID application';
const PICK_UP = 'Pick-up of processed documents';
// The fixture's slots are in 2026; the reminder needs an appointment still to come, so the site is
// served a year ahead of today.
const YEAR = new Date().getFullYear() + 1;

/** The extension API inside the service worker (evaluated there, typed loosely here). */
declare const chrome: any;

async function withDossier(session: Session): Promise<{ dashboard: Page; dossierId: string }> {
  const fixture = readFileSync(join(ROOT, 'tests/fixtures/booking/fps-e-appointment.html'), 'utf8').replaceAll('2026', String(YEAR));
  await session.serve('https://appointment.diplomatie.be/**', { html: fixture });
  const dashboard = await session.open(`chrome-extension://${session.extensionId}/dashboard.html`);
  // Belgians in Luxembourg: no commune, the consulate books on E-Appointment.
  const dossier = await call(dashboard, 'dossier:create', { procedure: 'eid-abroad-luxembourg', label: 'Ana', answers: {}, choices: {}, lang: 'en' });
  return { dashboard, dossierId: dossier.id };
}

describe('guided booking', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('with the site granted: points at each dossier’s service, follows the steps, saves the confirmed appointment on its visit', async () => {
    session = await launch({ locale: 'en-GB', grantOrigins: [ORIGIN] });
    const { dashboard, dossierId } = await withDossier(session);
    // A second dossier booking with the same consulate: a Kids-ID.
    await call(dashboard, 'dossier:create', { procedure: 'kids-id-abroad-luxembourg', label: 'Bo', answers: {}, choices: {}, lang: 'en' });
    const worker = session.worker;
    await eventually(
      () => worker.evaluate(async () => ((await chrome.scripting.getRegisteredContentScripts()).length > 0 ? true : undefined)),
      'the booking content script registered for the granted site',
    );
    const page = await session.open(BOOKING_URL);
    await panelReady(page);

    // Step 1: the person's details, each field explained.
    const person = await untilGuide(page, 'the details step with its fields', (g) => g.step === 'person' && g.text.includes('Date of birth'));
    expect(person.text).toContain('(maiden) name, first name, date of birth');
    expect(person.text).toContain('The confirmation and the reminder go to this address.');
    expect(person.text).toContain('The date of birth of the person who comes.');
    expect(person.spots).toEqual([]);
    await page.fill('#lastname', 'Test');
    await page.fill('#email', 'ana@example.org');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: the service list, outlined over the page's own element, for both dossiers.
    const services = await untilGuide(page, 'the services found', (g) => g.step === 'services' && g.spots.length === 4);
    expect(services.text).toContain('For “Ana”, choose:');
    expect(services.text).toContain('For “Bo”, choose:');
    expect(services.text).toContain(SERVICE);
    expect(services.text).toContain(PICK_UP);
    expect(services.buttons.filter((b) => b === 'Show me')).toHaveLength(4);
    const list = (await page.locator('#service0').boundingBox())!;
    for (const spot of services.spots) expect(over(spot, list)).toBe(true);
    // The user picks, as on the site; the panel only outlined.
    expect(await page.locator('#service0').inputValue()).toBe('');
    await page.selectOption('#service0', SERVICE);
    await page.getByRole('button', { name: 'Next' }).click();

    const slot = await untilGuide(page, 'the slot step', (g) => g.step === 'slot');
    expect(slot.text).toContain('at most three months ahead');
    expect(slot.spots).toEqual([]);
    await page.check('#slot0');
    await page.getByRole('button', { name: 'Book' }).click();

    // The confirmation: read, checked by the user, saved only on their click.
    await untilGuide(page, 'the confirmation step', (g) => g.step === 'confirmation' && g.buttons.includes('Save this appointment'));
    await clickInPanel(page, 'Save this appointment');
    const draft = await untilGuide(page, 'the proposed appointment', (g) => 'date' in g.inputs);
    const chosen = await pickDraftDossier(page, dossierId);
    expect(chosen?.sort()).toEqual(['Ana', 'Bo']);
    expect(await axePanel(page)).toEqual([]);
    expect(draft.inputs).toMatchObject({ date: `${YEAR}-03-03`, time: '09:05', reference: 'EA7Q2Z' });
    expect(draft.inputs.place).toContain('L-1626 Luxembourg');
    expect((await call(dashboard, 'dossier:get', { id: dossierId })).appointments).toEqual([]);
    await clickInPanel(page, 'Save in my dossier');
    const saved = await eventually(async () => {
      const v: PanelView | undefined = await readPanel(page);
      return v?.text.includes('Appointment saved in “Ana”') ? v : undefined;
    }, 'the saved message');
    expect(saved.text).toContain('a reminder comes the evening before');

    const { appointments } = await call(dashboard, 'dossier:get', { id: dossierId });
    expect(appointments).toHaveLength(1);
    const others = await call(dashboard, 'dossier:list', {});
    for (const other of others.filter((d: { id: string }) => d.id !== dossierId)) {
      expect((await call(dashboard, 'dossier:get', { id: other.id })).appointments).toEqual([]);
    }
    const appointment = appointments[0];
    // It belongs to the visit it was booked for: the application at the consulate.
    expect(appointment).toMatchObject({ dossierId, visit: 'apply', start: `${YEAR}-03-03T09:05`, reference: 'EA7Q2Z', service: SERVICE });

    // The calendar export of it parses back to the same start.
    const ics = appointmentsToIcs(appointments, { dossierLabel: 'Ana', referenceLabel: 'Reference' });
    const fields = ics
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)] as const);
    expect(fields.find(([k]) => k === 'DTSTART')?.[1]).toBe(`${YEAR}0303T090500`);
    expect(fields.find(([k]) => k === 'UID')?.[1]).toBe(`${appointment.id}@be-civic`);

    // The reminder: an alarm for the evening before, at 18:00 local time.
    const alarm = await eventually(
      () => worker.evaluate(async (name) => (await chrome.alarms.getAll()).find((a: { name: string }) => a.name === name), `be-civic-reminder:${appointment.id}`),
      'the reminder alarm',
    );
    expect(alarm.scheduledTime).toBe(await worker.evaluate((year) => new Date(year, 2, 2, 18, 0).getTime(), YEAR));

    // The dashboard shows the appointment on its visit.
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html#dossier=${dossierId}`);
    const apply = dashboard.locator('article.visit[data-visit=apply]');
    await apply.getByText('Your appointment for this visit').waitFor();
    expect(await apply.textContent()).toContain('EA7Q2Z');
    expect(await dashboard.locator('article.visit[data-visit=collect]').textContent()).not.toContain('EA7Q2Z');

    // Only the user (the test) ever submitted the site's form.
    expect(await page.evaluate(() => (window as unknown as { bookingSubmissions: number }).bookingSubmissions)).toBe(1);
    expect(session.stray).toEqual([]);
  });

  it('without the grant: no panel on the booking site, and the dashboard asks for access', async () => {
    session = await launch({ locale: 'en-GB' });
    const { dashboard, dossierId } = await withDossier(session);
    const page = await session.open(BOOKING_URL);
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    // The panel comes within a frame of the page's parse where it may; give it ample time not to.
    await page.waitForTimeout(1_500);
    expect(await hostCount(page)).toBe(0);
    expect(await readPanel(page)).toBeUndefined();

    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html#dossier=${dossierId}`);
    // One per visit of the dossier that can be booked on that site.
    const ask = dashboard.getByRole('button', { name: 'Let Be Civic guide you on appointment.diplomatie.be' });
    await ask.first().waitFor();
    expect(await ask.count()).toBeGreaterThan(0);
    expect(await session.worker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), ORIGIN)).toBe(false);
  });
});
