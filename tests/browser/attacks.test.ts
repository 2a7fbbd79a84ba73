/**
 * Issue 13's attacks in Chromium: each test is one attack a portal page can make on the panel, run
 * from a hostile fixture page (tests/fixtures/hostile/) served at a real catalog URL, and asserts the
 * SAFE outcome. Against the in-page panel that predates the extension-origin frame every one of them
 * failed (the attack worked; what each did is in /work/notes/status-h13.md), except the see-through
 * veil, which Chromium's IntersectionObserver v2 already caught. Controls prove the panel still acts
 * when nothing attacks it, so "nothing changed" is never vacuous.
 *
 * The panel is read and clicked the way the other browser tests do (panel-support: the frame's own
 * document, real mouse clicks at its buttons' place on the page).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually, launch, type Session } from '../support/harness';
import { clickInPanel, inPanel, panelReady, panelShown, pointAt, readPanel, type PanelView } from '../support/panel-support';

/** The worker's API, inside `worker.evaluate`. */
declare const chrome: { scripting: { getRegisteredContentScripts(filter: { ids: string[] }): Promise<unknown[]> } };

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
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.data;
}

/** The dossier's name: one word that appears nowhere on the fixture pages, only in the panel. */
const LABEL = 'Zorbalinde';
/** A made-up national register number with valid mod-97 check digits (97 - 850730033 mod 97 = 28). */
const NRN_DIGITS = '85073003328';
/** The number in any common writing: digits with dots, dashes or spaces between the groups, or none. */
const NRN_ANY = /85\D{0,2}07\D{0,2}30\D{0,2}033\D{0,2}28/;

const until = (page: Page, what: string, test: (v: PanelView) => boolean) =>
  eventually(async () => {
    const v = await readPanel(page);
    return v && !v.loading && test(v) && (await panelShown(page)) ? v : undefined;
  }, what);

const withDossier = (page: Page) => until(page, `the need of “${LABEL}”`, (v) => v.text.includes(LABEL) && v.needs.length > 0);

/** Selects the text of the element `selector` on the page, as a user would with the mouse. */
const select = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(s)!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, selector);

describe('attacks on the panel from a catalog page (Chromium)', () => {
  let session: Session;
  let dashboard: Page;
  let dossierId: string;
  /** The artefact the dossier needs that both IRISbox's certificate page and an iMio form serve. */
  const ARTEFACT = 'criminal-record-extract';

  const progress = async () => {
    const detail = await call(dashboard, 'dossier:get', { id: dossierId });
    return detail.progress.find((p: { artefact: string }) => p.artefact === ARTEFACT) as
      | { status: string; captured: Record<string, { value: string }>; issuedOn?: string }
      | undefined;
  };
  const status = async () => (await progress())?.status ?? 'not-started';

  beforeAll(async () => {
    // Eupen's iMio forms are a commune site: granted here, as a user who allowed it from the dashboard.
    session = await launch({ locale: 'en-GB', grantOrigins: ['https://eupen-formulaires.guichet-citoyen.be/*'] });
    await eventually(
      () => session.worker.evaluate(async () => ((await chrome.scripting.getRegisteredContentScripts({ ids: ['be-civic-commune-sites'] })).length > 0 ? true : undefined)),
      'the portal script registered for the granted commune sites',
    );
    const hostile = (path: string, name: string) => session.serve(`https://irisbox.irisnet.be/irisbox/${path}/**`, { fixture: `hostile/${name}.html` });
    await hostile('ce', 'custom-elements');
    await hostile('find', 'find-text');
    await hostile('nrn', 'nrn-selection');
    await hostile('swap', 'swap-selection');
    await hostile('bait', 'self-removing-bait');
    await session.serve('https://irisbox.irisnet.be/irisbox/casier/citizen/edit/5f3c9a1b/summary', { fixture: 'irisbox-criminal-record.html' });
    await session.serve('https://my.belgium.be/fr?keys', { fixture: 'hostile/keylogger.html' });
    await session.serve('https://eupen-formulaires.guichet-citoyen.be/**', { fixture: 'imio-eguichet.html' });
    dashboard = await session.open(`chrome-extension://${session.extensionId}/dashboard.html`);
    const dossier = await call(dashboard, 'dossier:create', { procedure: 'criminal-record-extract', label: LABEL, answers: {}, choices: {}, lang: 'en' });
    dossierId = dossier.id;
  });
  afterAll(() => session?.close());
  beforeEach(async () => {
    await call(dashboard, 'progress:set-status', { dossierId, artefact: ARTEFACT, status: 'not-started' });
  });

  it('precondition: the dossier needs the shared document on IRISbox', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/casier/citizen/edit/5f3c9a1b/summary');
    const view = await withDossier(page);
    expect(view.needs).toContain(ARTEFACT);
    await page.close();
  });

  describe('1. custom elements under the names the content script creates', () => {
    /** A first visit, on which the page notes the names of the elements it did not write. */
    const learn = async () => {
      const page = await session.open('https://irisbox.irisnet.be/irisbox/ce/landing?mode=learn');
      await withDossier(page);
      const learned = await page.evaluate(() => JSON.parse(localStorage.getItem('be-civic-attack:names') ?? '[]') as string[]);
      await page.close();
      // The page saw the extension's element(s): the attack below is not vacuous.
      expect(learned.length).toBeGreaterThan(0);
      return learned;
    };

    it('gets no shadow root, reads no panel text and clicks no button', async () => {
      await learn();
      const page = await session.open('https://irisbox.irisnet.be/irisbox/ce/landing?mode=steal');
      await withDossier(page);
      await page.waitForTimeout(1_500);
      const attack = await page.evaluate(() => (window as unknown as { attack: { defined: string[]; roots: number; read: string; clicked: string[] } }).attack);
      expect({ roots: attack.roots, readsLabel: attack.read.includes(LABEL), clicked: attack.clicked, status: await status() }).toEqual({
        roots: 0,
        readsLabel: false,
        clicked: [],
        status: 'not-started',
      });
      await page.close();
    });

    it('cannot stop the panel by defining those names with shadow roots disabled', async () => {
      await learn();
      const page = await session.open('https://irisbox.irisnet.be/irisbox/ce/landing?mode=stop');
      const view = await withDossier(page);
      expect(view.needs).toContain(ARTEFACT);
      await page.close();
    });
  });

  describe('2. searching and selecting the rendered document', () => {
    it('window.find() with Selection.modify() and toString() finds no panel text', async () => {
      const page = await session.open('https://irisbox.irisnet.be/irisbox/find/landing');
      await withDossier(page);
      const hunt = (word: string) => page.evaluate((w) => (window as unknown as { hunt(w: string): { found: boolean; text: string; seen: string } }).hunt(w), word);
      // The page's own text is found (the attack works where it may).
      expect((await hunt('IB-DEMO-0001')).found).toBe(true);
      expect(await hunt(LABEL)).toEqual({ found: false, text: '', seen: '' });
      expect((await hunt('Be Civic')).found).toBe(false);
      await page.close();
    });

    it('text the user selects inside the panel is not in the page’s getSelection()', async () => {
      const page = await session.open('https://irisbox.irisnet.be/irisbox/find/landing?select');
      await withDossier(page);
      const at = await eventually(() => pointAt(page, '.need p'), 'the need’s sentence');
      await page.mouse.click(at.x, at.y, { clickCount: 3 });
      const selectedInPanel = await inPanel<string>(page, `(root) => (root.getSelection ? root.getSelection() : getSelection()).toString()`);
      // The user did select the dossier's sentence (read by the test, not the page).
      expect(selectedInPanel).toContain(LABEL);
      expect(await page.evaluate(() => (window as unknown as { selected(): string }).selected())).not.toContain(LABEL);
      await page.close();
    });
  });

  it('3. a register number inside a captured date-of-issue selection is not stored without the opt-in', async () => {
    expect((await call(dashboard, 'settings:get', {})).keepNationalRegisterNumber).toBe(false);
    const page = await session.open('https://irisbox.irisnet.be/irisbox/nrn/citizen/edit/5f3c9a1b/summary');
    await withDossier(page);
    await select(page, '#issued');
    await clickInPanel(page, 'Capture selection as Date of issue');
    // Where the capture has a confirmation step, the user confirms what it shows.
    const confirm = await eventually(() => pointAt(page, 'button', 'Save'), 'a confirm button', 1_500).catch(() => undefined);
    if (confirm) await page.mouse.click(confirm.x, confirm.y);
    await page.waitForTimeout(800);
    // The capture went through (so the check below is not vacuous): the day, and only the day, is kept.
    expect((await progress())?.captured?.['date-of-issue']?.value).toBe('2026-03-14');
    const detail = await call(dashboard, 'dossier:get', { id: dossierId });
    expect(JSON.stringify(detail)).not.toMatch(NRN_ANY);
    expect(detail.dossier?.nationalRegisterNumber ?? detail.nationalRegisterNumber).toBeUndefined();
    // The backup, as the dashboard exports it: in chunks.
    const begun = await call(dashboard, 'backup:export-begin', {});
    let json = '';
    for (let index = 0; index < begun.chunks; index++) json += (await call(dashboard, 'backup:export-chunk', { transfer: begun.transfer, index })).data;
    await call(dashboard, 'backup:export-end', { transfer: begun.transfer });
    expect(json).toContain(LABEL);
    expect(json).not.toMatch(NRN_ANY);
    expect(json).not.toContain(NRN_DIGITS);
    await page.close();
  });

  it('4. a selection the page swaps at click time is saved only after a confirmation that shows it', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/swap/citizen/edit/5f3c9a1b/summary');
    await withDossier(page);
    expect((await progress())?.captured?.reference).toBeUndefined();
    await select(page, '#mine');
    await clickInPanel(page, 'Capture selection as Request number');
    await page.waitForTimeout(1_000);
    // Nothing is stored on the capture button alone…
    expect((await progress())?.captured?.reference).toBeUndefined();
    // …and the step that asks for the confirmation shows the text that would be saved: the page's.
    const view = (await readPanel(page))!;
    expect(view.text).toContain('IB-FORGED-6666');
    expect((await progress())?.captured?.reference).toBeUndefined();
    await page.close();
  });

  describe('5. clickjacking', () => {
    it('control: a click on the panel, fully visible for a while, does change a status', async () => {
      const page = await session.open('https://irisbox.irisnet.be/irisbox/bait/landing');
      await withDossier(page);
      await clickInPanel(page, 'Obtained');
      await eventually(async () => ((await status()) === 'obtained' ? true : undefined), 'the status saved');
      await page.close();
    });

    it('a bait that removes itself on pointerdown lets no double-click change a status', async () => {
      const page = await session.open('https://irisbox.irisnet.be/irisbox/bait/landing?lure');
      await withDossier(page);
      const at = await eventually(() => pointAt(page, 'button', 'Obtained'), 'the Obtained button');
      await page.evaluate(() => (window as unknown as { lure(): void }).lure());
      // The user sees the bait ("double-click to continue"), not the panel, and double-clicks it: the
      // first press removes the bait, the second lands where the panel's button is.
      await page.waitForTimeout(400);
      await page.mouse.click(at.x, at.y);
      await page.waitForTimeout(150);
      await page.mouse.click(at.x, at.y, { clickCount: 2 });
      await page.waitForTimeout(800);
      expect(await page.evaluate(() => (window as unknown as { pressed: number }).pressed)).toBe(1);
      expect(await status()).toBe('not-started');
      await page.close();
    });

    it('a see-through veil over the panel lets no click change a status', async () => {
      const page = await session.open('https://irisbox.irisnet.be/irisbox/bait/landing?veil');
      await withDossier(page);
      const at = await eventually(() => pointAt(page, 'button', 'Obtained'), 'the Obtained button');
      await page.evaluate(() => (window as unknown as { veil(): void }).veil());
      await page.waitForTimeout(400);
      await page.mouse.click(at.x, at.y, { delay: 150 });
      await page.waitForTimeout(800);
      expect(await status()).toBe('not-started');
      await page.close();
    });
  });

  it('6. keys typed in the panel reach no key or input listener of the page', async () => {
    const page = await session.open('https://my.belgium.be/fr?keys');
    await panelReady(page);
    const focusOffPage = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return !!active && active !== document.body && !(window as unknown as { authored(): Element[] }).authored().includes(active);
      });
    // Tab from the page's last element leads into the panel. Which Tab gets there is not what this
    // test is about (the focus order is panel.test.ts's): on a loaded machine a press can land while
    // the page still holds focus, so the user presses again, as a user would.
    await page.locator('#last').focus();
    for (let press = 0; press < 3 && !(await focusOffPage()); press++) await page.keyboard.press('Tab');
    // Focus left the page's own elements (into the panel).
    const where = await page.evaluate(() => `${document.activeElement?.localName}#${document.activeElement?.id}, document focused: ${document.hasFocus()}`);
    expect(await focusOffPage(), `focus on ${where}`).toBe(true);
    await page.evaluate(() => ((window as unknown as { keys: string[] }).keys.length = 0));
    await page.keyboard.type('secret42');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);
    await page.close();
  });

  it('7. a value captured on IRISbox is not shown on an iMio page', async () => {
    await call(dashboard, 'progress:capture', { dossierId, artefact: ARTEFACT, field: 'reference', value: 'IB-SLICE-4242', page: 'irisbox-form-step' });
    const irisbox = await session.open('https://irisbox.irisnet.be/irisbox/casier/citizen/edit/5f3c9a1b/summary');
    // Shown where it was captured (so the check below is not vacuous)…
    await until(irisbox, 'the value on IRISbox', (v) => v.text.includes('IB-SLICE-4242'));
    await irisbox.close();
    const imio = await session.open('https://eupen-formulaires.guichet-citoyen.be/demande-extrait-de-casier-judiciaire/');
    const view = await withDossier(imio);
    expect(view.needs).toContain(ARTEFACT);
    // …and not on another portal's page.
    expect(view.text).not.toContain('IB-SLICE-4242');
    await imio.close();
  });

  it('reached nothing outside the routed pages', () => {
    expect(session.stray).toEqual([]);
  });
});
