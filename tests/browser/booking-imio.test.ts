/**
 * Guided booking on iMio's appointment form ("prise de rendez-vous"), in a real Chromium: the form is
 * one form of a commune's iMio forms host, so once the user grants that host the booking content script
 * (with the guide) runs on the form's paths and the commune sites' script on the tenant's other forms,
 * never both on one page. On the evidence-modelled fixture under Waterloo's real hostname (the one
 * tenant whose channel names the platform, unverified, as are its appointment types), the panel
 * explains each page of the form, outlines the type of appointment each of two dossiers (two
 * procedures) picks without touching the page, reads the filed request's confirmation on the user's
 * click and saves only what the user confirms, on its visit, with its reminder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, eventually, launch, type Session } from '../support/harness';
import { axePanel, clickInPanel, hostCount, panelReady, readPanel, type PanelView } from '../support/panel-support';
import { call, over, pickDraftDossier, readGuide, untilGuide } from '../support/booking-support';

const HOST = 'waterloo-formulaires.guichet-citoyen.be';
const ORIGIN = `https://${HOST}/*`;
const FORM_URL = `https://${HOST}/imio-prise-de-rendez-vous/`;
const ID_CARD = "Carte d'identité";
const FIRST_REGISTRATION = 'Première inscription';
// The fixture's slots are in 2026; the reminder needs an appointment still to come, so the form is
// served a year ahead of today.
const YEAR = new Date().getFullYear() + 1;

/** The extension API inside the service worker (evaluated there, typed loosely here). */
declare const chrome: any;

describe('guided booking on an iMio appointment form', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('with the tenant granted: explains each page, outlines each dossier’s type, saves the confirmed appointment on its visit', async () => {
    session = await launch({ locale: 'en-GB', grantOrigins: [ORIGIN] });
    const fixture = readFileSync(join(ROOT, 'tests/fixtures/booking/imio-rendez-vous.html'), 'utf8').replaceAll('2026', String(YEAR));
    await session.serve(`https://${HOST}/**`, { html: fixture });
    // Another form of the same tenant: a certificate (routes added later take precedence).
    const OTHER_FORM = `https://${HOST}/v2-demande-certificat-de-residence-en-vue-d-un-mariage/`;
    await session.serve(OTHER_FORM, { fixture: 'imio-eguichet.html' });
    const dashboard = await session.open(`chrome-extension://${session.extensionId}/dashboard.html`);
    // Two dossiers in Waterloo, two procedures, two types of appointment on the same form.
    const ana = await call(dashboard, 'dossier:create', { procedure: 'eid-card', label: 'Ana', commune: 'waterloo', answers: {}, choices: {}, lang: 'en' });
    const bo = await call(dashboard, 'dossier:create', { procedure: 'eu-registration-annex-19', label: 'Bo', commune: 'waterloo', answers: {}, choices: {}, lang: 'en' });

    // The guide's script on the form's paths only; the commune sites' script everywhere else on the host.
    const worker = session.worker;
    const scripts = await eventually(async () => {
      const all: Array<{ id: string; js: string[]; matches: string[]; excludeMatches?: string[] }> = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
      return all.length === 2 ? Object.fromEntries(all.map((s) => [s.js[0], s])) : undefined;
    }, 'the booking and commune-site scripts registered for the granted tenant');
    const formPaths = [`https://${HOST}/imio-agendas/imio-prise-de-rendez-vous*/*`, `https://${HOST}/imio-prise-de-rendez-vous*/*`];
    expect(scripts['content-scripts/booking.js']?.matches.sort()).toEqual(formPaths);
    expect(scripts['content-scripts/portal.js']?.matches).toContain(`https://${HOST}/*`);
    expect(scripts['content-scripts/portal.js']?.excludeMatches?.sort()).toEqual(formPaths);

    const page = await session.open(FORM_URL);
    await panelReady(page);
    expect(await hostCount(page)).toBe(1);

    // Page 1: the person's details, the e-mail field explained.
    const contact = await untilGuide(page, 'the details page with its e-mail field', (g) => g.step === 'contact' && g.text.includes('tracking code'));
    expect(contact.text).toContain('The details of the person concerned: name, first name, address, e-mail');
    expect(contact.text).toContain('The appointment and its tracking code are sent to this address.');
    expect(contact.spots).toEqual([]);
    await page.fill('#nom', 'Test');
    await page.fill('#rue', 'Rue de la Station');
    await page.fill('#numero', '1');
    await page.fill('#cp', '1410');
    await page.fill('#localite', 'Waterloo');
    await page.fill('#email', 'ana@example.org');
    await page.getByRole('button', { name: 'Suivant' }).click();

    // Page 2: the type of appointment, outlined over the page's own list for each dossier.
    const type = await untilGuide(page, 'both types found', (g) => g.step === 'type' && g.spots.length === 2);
    expect(type.text).toContain('Pick the type of appointment for your errand.');
    expect(type.text).toContain('For “Ana”, choose:');
    expect(type.text).toContain('For “Bo”, choose:');
    expect(type.text).toContain(`“${ID_CARD}”`);
    expect(type.text).toContain(`“${FIRST_REGISTRATION}”`);
    expect(type.buttons.filter((b) => b === 'Show me')).toHaveLength(2);
    const list = (await page.locator('#type_rdv').boundingBox())!;
    for (const spot of type.spots) expect(over(spot, list)).toBe(true);
    // The user picks, as on the form; the panel only outlined.
    expect(await page.locator('#type_rdv').inputValue()).toBe('');
    await page.selectOption('#type_rdv', ID_CARD);
    await page.getByRole('button', { name: 'Suivant' }).click();

    // Page 3: the time slot.
    const slot = await untilGuide(page, 'the slot page', (g) => g.step === 'slot');
    expect(slot.text).toContain('Pick a free time slot.');
    expect(slot.spots).toEqual([]);
    await page.check('#slot0');
    await page.getByRole('button', { name: 'Valider' }).click();

    // The filed request's own page (<form>/<number>/): its status, then the reading on the user's click.
    await page.waitForURL(`${FORM_URL}42/`);
    await panelReady(page, 'the panel on the filed request');
    const filed = await untilGuide(page, 'the confirmation', (g) => g.step === 'confirmation' && g.buttons.includes('Save this appointment'));
    expect(filed.text).toContain('The confirmation e-mail gives the day, the time, the type of appointment and the tracking code.');
    expect((await call(dashboard, 'dossier:get', { id: ana.id })).appointments).toEqual([]);
    await clickInPanel(page, 'Save this appointment');
    const draft = await untilGuide(page, 'the proposed appointment', (g) => 'date' in g.inputs);
    expect((await pickDraftDossier(page, ana.id))?.sort()).toEqual(['Ana', 'Bo']);
    expect(await axePanel(page)).toEqual([]);
    // The request's summary shows the applicant's address: iMio's confirmation gives no place, so none is proposed.
    expect(draft.inputs).toEqual({ date: `${YEAR}-03-03`, time: '09:05', place: '', reference: 'RDVKXJQT' });
    expect((await call(dashboard, 'dossier:get', { id: ana.id })).appointments).toEqual([]);
    await clickInPanel(page, 'Save in my dossier');
    const saved = await eventually(async () => {
      const v: PanelView | undefined = await readPanel(page);
      return v?.text.includes('Appointment saved in “Ana”') ? v : undefined;
    }, 'the saved message');
    expect(saved.text).toContain('a reminder comes the evening before');

    // Saved on Ana's dossier only, on the visit the type was for: ordering the card.
    const { appointments } = await call(dashboard, 'dossier:get', { id: ana.id });
    expect(appointments).toHaveLength(1);
    expect(appointments[0]).toMatchObject({ dossierId: ana.id, visit: 'order', start: `${YEAR}-03-03T09:05`, reference: 'RDVKXJQT', service: ID_CARD });
    expect(appointments[0].place).toBeUndefined();
    expect((await call(dashboard, 'dossier:get', { id: bo.id })).appointments).toEqual([]);

    // The reminder: an alarm for the evening before, at 18:00 local time.
    const alarm = await eventually(
      () => worker.evaluate(async (name) => (await chrome.alarms.getAll()).find((a: { name: string }) => a.name === name), `be-civic-reminder:${appointments[0].id}`),
      'the reminder alarm',
    );
    expect(alarm.scheduledTime).toBe(await worker.evaluate((year) => new Date(year, 2, 2, 18, 0).getTime(), YEAR));

    // The dashboard shows it on its visit.
    await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html#dossier=${ana.id}`);
    const order = dashboard.locator('article.visit[data-visit=order]');
    await order.getByText('Your appointment for this visit').waitFor();
    expect(await order.textContent()).toContain('RDVKXJQT');

    // Only the user (the test) ever sent the form.
    expect(await page.evaluate(() => (window as unknown as { bookingSubmissions: number }).bookingSubmissions)).toBe(1);

    // The tenant's other forms keep the commune sites' panel, without the guide.
    const other = await session.open(OTHER_FORM);
    const panel = await panelReady(other, 'the panel on another form of the tenant');
    expect(panel.text).toContain('Residence certificate');
    expect(await hostCount(other)).toBe(1);
    expect(await readGuide(other)).toMatchObject({ step: null, text: '', spots: [] });
    expect(session.stray).toEqual([]);
  });
});
