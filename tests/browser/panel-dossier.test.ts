/**
 * The panel with the user's data, against the real background store: the set-up button without a
 * dossier, the need and its status with one-click changes, capturing the selected text, validity from
 * the date of issue, collapsed remembered per site, the language override, changes made elsewhere
 * showing up live, and status buttons that do nothing while a page covers the panel. (The notice for
 * texts shown in another language is tested on the component, src/panel/Panel.test.tsx: today's
 * catalog has every page text in all four languages.)
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, eventually, launch, type Session } from '../support/harness';
import { clickInPanel, panelReady, readPanel, type PanelView } from '../support/panel-support';

interface Reply {
  ok: boolean;
  data?: any;
  error?: string;
}

async function call(page: Page, type: string, payload: unknown): Promise<any> {
  const reply = (await page.evaluate(
    ([type, payload]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  )) as Reply;
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

const until = (page: Page, what: string, test: (v: PanelView) => boolean) =>
  eventually(async () => {
    const v = await readPanel(page);
    return v && !v.loading && test(v) ? v : undefined;
  }, what);

const pressed = (v: PanelView) => v.buttons.filter((b) => b.pressed === 'true').map((b) => b.name);

/** Selects the text of the element `selector` on the page, as a user would with the mouse. */
const select = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(s)!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, selector);

describe('the panel with a dossier', () => {
  let session: Session;
  let dashboard: Page;
  let dossierId: string;

  beforeAll(async () => {
    session = await launch({ locale: 'en-GB' });
    // The IRISbox copy as its birth-certificate form (a form the press names among IRISbox's most used), which a 12bis dossier needs.
    const birthForm = readFileSync(join(ROOT, 'tests/fixtures/irisbox.html'), 'utf8').replaceAll('Composition de ménage', 'Acte de naissance');
    await session.serve('https://irisbox.irisnet.be/**', { html: birthForm });
    await session.serve('https://irisbox.irisnet.be/irisbox/bait/**', { fixture: 'hostile/clickjacking.html' });
    await session.serve('https://mondossier.rrn.fgov.be/**', { fixture: 'mon-dossier.html' });
    await session.serve('https://my.belgium.be/**', { fixture: 'my-belgium.html' });
    dashboard = await session.open(`chrome-extension://${session.extensionId}/dashboard.html`);
  });
  afterAll(() => session?.close());

  it('without a dossier: explains, and its button opens the dashboard’s set-up', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/landing');
    const view = await panelReady(page);
    expect(view.text).toContain('You have no dossier yet');
    const opened = session.context.waitForEvent('page');
    await clickInPanel(page, 'Set up a dossier');
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`chrome-extension://${session.extensionId}/dashboard.html#setup`);
    await tab.close();
    await page.close();
  });

  it('a dossier created elsewhere shows up live, with the requirement it serves and its status', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/citizen/edit/5f3c9a1b/summary');
    await panelReady(page);
    const dossier = await call(dashboard, 'dossier:create', { procedure: 'nationality-declaration-12bis', label: 'Me', answers: {}, choices: {}, lang: 'en' });
    dossierId = dossier.id;
    const view = await until(page, 'the need in the open panel', (v) => v.text.includes('dossier “Me”'));
    expect(view.text).toContain('(Nationality declaration (article 12bis))');
    expect(pressed(view)).toEqual(['Not started']);
    expect(view.buttons.map((b) => b.name)).toEqual(expect.arrayContaining(['Capture selection as Request number', 'Capture selection as Date of issue']));
    // A file is attached on the dashboard, not captured from a selection.
    expect(view.buttons.map((b) => b.name)).not.toContain('Capture selection as The document (PDF)');
    await page.close();
  });

  it('one click changes the status; another tab on the page sees it at once', async () => {
    const a = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/landing?a');
    const b = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/landing?b');
    // Pressed once the late-rendered page has its primary button, which the panel moves away from.
    await a.waitForSelector('#next');
    await until(a, 'tab a', (v) => v.text.includes('dossier “Me”'));
    await until(b, 'tab b', (v) => v.text.includes('dossier “Me”'));
    await clickInPanel(a, 'Requested');
    const inA = await until(a, 'requested in a', (v) => pressed(v).includes('Requested'));
    expect(inA.text).toContain('Status saved: Requested');
    await until(b, 'requested in b', (v) => pressed(v).includes('Requested'));
    const detail = await call(dashboard, 'dossier:get', { id: dossierId });
    expect(inA.needs).toHaveLength(1);
    expect(detail.progress.find((p: { artefact: string }) => p.artefact === inA.needs[0])?.status).toBe('requested');
    await a.close();
    await b.close();
  });

  it('captures the text the user selected, only when asked, and says so when nothing is selected', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/citizen/edit/5f3c9a1b/summary');
    // IRISbox renders its texts late (an Angular app), the request number and the primary button with
    // them; the panel then moves away from that button, so it is pressed once the page has rendered.
    await page.waitForSelector('#request');
    const { needs } = await until(page, 'the need', (v) => v.text.includes('dossier “Me”'));
    await clickInPanel(page, 'Capture selection as Request number');
    await until(page, 'the no-selection message', (v) => v.text.includes('Nothing is selected on the page'));
    await select(page, '#request');
    await clickInPanel(page, 'Capture selection as Request number');
    // The selection is shown to confirm, editable; nothing is saved before the user's Save.
    await until(page, 'the capture to confirm', (v) => v.buttons.some((b) => b.name === 'Save') && v.text.includes('IB-DEMO-0001'));
    const before = await call(dashboard, 'dossier:get', { id: dossierId });
    expect(before.progress.find((p: { artefact: string }) => p.artefact === needs[0])?.captured?.reference).toBeUndefined();
    await clickInPanel(page, 'Save');
    const view = await until(page, 'the captured number', (v) => v.text.includes('Request number saved: IB-DEMO-0001'));
    expect(view.text).toContain('IB-DEMO-0001');
    const detail = await call(dashboard, 'dossier:get', { id: dossierId });
    const progress = detail.progress.find((p: { artefact: string }) => p.artefact === needs[0]);
    expect(progress.captured.reference).toMatchObject({ value: 'IB-DEMO-0001', page: 'irisbox-form-step' });
    await page.close();
  });

  it('a captured date of issue gives the validity', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/citizen/edit/5f3c9a1b/summary?dated');
    // Pressed once the late-rendered page has its primary button, which the panel moves away from.
    await page.waitForSelector('#request');
    const { needs } = await until(page, 'the need', (v) => v.text.includes('dossier “Me”'));
    // The certificate the user downloaded shows its date of issue; the fixture page gets one.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Délivré le ';
      const date = document.createElement('span');
      date.id = 'issued';
      date.textContent = '14/03/2026';
      p.append(date);
      document.body.append(p);
    });
    await select(page, '#issued');
    await clickInPanel(page, 'Capture selection as Date of issue');
    await until(page, 'the capture to confirm', (v) => v.buttons.some((b) => b.name === 'Save'));
    await clickInPanel(page, 'Save');
    const view = await until(page, 'the validity', (v) => /Valid until|Expired on/.test(v.text));
    expect(view.text).toContain('Issued on 14 March 2026');
    const detail = await call(dashboard, 'dossier:get', { id: dossierId });
    const progress = detail.progress.find((p: { artefact: string }) => p.artefact === needs[0]);
    expect(progress.issuedOn).toBe('2026-03-14');
    const [y, m, d] = (progress.expiresOn as string).split('-').map(Number);
    const shown = new Intl.DateTimeFormat('en-BE', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
    const today = new Date().toISOString().slice(0, 10);
    expect(view.text).toContain(progress.expiresOn < today ? `Expired on ${shown}` : `Valid until ${shown}`);
    await page.close();
  });

  it('remembers collapsed per site', async () => {
    const first = await session.open('https://mondossier.rrn.fgov.be/');
    await panelReady(first);
    await clickInPanel(first, 'Hide');
    await until(first, 'collapsed', (v) => v.collapsed);
    await first.close();
    const again = await session.open('https://mondossier.rrn.fgov.be/');
    await eventually(async () => ((await readPanel(again))?.collapsed ? true : undefined), 'collapsed on the next visit');
    const other = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/landing');
    expect((await panelReady(other)).collapsed).toBe(false);
    await clickInPanel(again, 'Show Be Civic');
    await until(again, 'open again', (v) => !v.collapsed);
    await again.close();
    await other.close();
  });

  it('follows the language chosen in the settings, live', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/landing');
    await until(page, 'the English panel', (v) => v.lang === 'en');
    await call(dashboard, 'settings:update', { lang: 'de' });
    const view = await until(page, 'the German panel', (v) => v.lang === 'de');
    expect(view.buttons[0]?.name).toBe('Ausblenden');
    expect(pressed(view)).toEqual(['Beantragt']);
    await call(dashboard, 'settings:update', { lang: 'nl' });
    const dutch = await until(page, 'the Dutch panel', (v) => v.lang === 'nl');
    expect(dutch.text).toContain('Waarvoor deze pagina dient');
    await call(dashboard, 'settings:update', { lang: 'en' });
    await until(page, 'English again', (v) => v.lang === 'en');
    await page.close();
  });

  it('while a top-layer bait covers the panel, its status buttons change nothing', async () => {
    // A page whose address and headings name no one form: the landing serves every IRISbox document.
    const page = await session.open('https://irisbox.irisnet.be/irisbox/bait/landing');
    const before = await until(page, 'the need on the bait page', (v) => v.text.includes('dossier “Me”'));
    const was = pressed(before);
    const stored = (await call(dashboard, 'dossier:get', { id: dossierId })).progress.find((p: { artefact: string }) => p.artefact === before.needs[0])?.status ?? 'not-started';
    await page.evaluate(() => (window as unknown as { bait(): void }).bait());
    await until(page, 'the covered warning', (v) => v.text.includes('covers this panel'));
    await clickInPanel(page, 'Obtained');
    await page.waitForTimeout(500);
    expect(pressed((await readPanel(page))!)).toEqual(was);
    const detail = await call(dashboard, 'dossier:get', { id: dossierId });
    expect(detail.progress.find((p: { artefact: string }) => p.artefact === before.needs[0])?.status ?? 'not-started').toBe(stored);
    expect(stored).not.toBe('obtained');
    await page.close();
  });

  it('reached nothing outside the routed pages', () => {
    expect(session.stray).toEqual([]);
  });
});
