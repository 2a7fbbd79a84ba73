/**
 * The in-page panel with the built extension in Chromium, on routed copies of the real portal pages:
 * what it says on each kind of page, that it stays away from other hosts, follows single-page
 * navigation, keeps clear of the page's primary buttons, collapses, answers the keyboard shortcut and
 * has no WCAG 2.1 AA violation in light and dark mode.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, ROOT, eventually, launch, type Session } from '../support/harness';
import { contentScriptWorld } from '../support/recorder';
import { axePanel, clickInPanel, hostCount, inPanel, panelReady, readPanel } from '../support/panel-support';

/**
 * Sends what the background sends when the user presses the panel's shortcut (the command itself is
 * the browser's). The page's URL must be unique among the open tabs.
 */
async function pressShortcut(session: Session, page: Page): Promise<void> {
  const url = page.url();
  await session.worker.evaluate(async (target) => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome.tabs;
    const [tab] = await tabs.query({ url: target.split('#')[0] });
    if (tab?.id !== undefined) await tabs.sendMessage(tab.id, { kind: 'be-civic:toggle-panel' });
  }, url);
}

const focusInPanel = (page: Page) =>
  inPanel<string | null>(page, `(root) => root.hasFocus() && root.activeElement && root.activeElement !== root.body ? root.activeElement.localName + ':' + root.activeElement.textContent : null`);

describe('the panel on portal pages', () => {
  let session: Session;
  beforeAll(async () => {
    // A commune's own sites are granted on demand, as a user does from the dashboard.
    session = await launch({ locale: 'en-GB', grantOrigins: ['https://lalouviere.guichet-citoyen.be/*', 'https://www.evergem.be/*'] });
    await session.serve('https://my.belgium.be/**', { fixture: 'my-belgium.html' });
    await session.serve('https://idp.iamfas.belgium.be/**', { fixture: 'csam.html' });
    await session.serve('https://mondossier.rrn.fgov.be/**', { fixture: 'mon-dossier.html' });
    await session.serve('https://irisbox.irisnet.be/**', { fixture: 'irisbox.html' });
    await session.serve('https://lalouviere.guichet-citoyen.be/**', { fixture: 'imio-eguichet.html' });
    await session.serve('https://www.evergem.be/**', { fixture: 'eloket.html' });
    await session.serve('https://example.org/**', { fixture: 'my-belgium.html' });
  });
  afterAll(() => session?.close());

  it('my.belgium.be: a landmark named Be Civic with the portal, the page, what it serves and the source steps', async () => {
    const page = await session.open('https://my.belgium.be/fr');
    const view = await panelReady(page);
    expect(view).toMatchObject({ role: 'complementary', label: 'Be Civic', page: 'my-belgium-home', lang: 'en', collapsed: false });
    // The page's title names its site: said once.
    expect(view.text).toContain('my.belgium.be home page');
    expect(view.text).not.toContain('my.belgium.be — my.belgium.be');
    // A pre-step for the certified ID copy (seed 000), not a page that serves a document.
    expect(view.headings).toEqual(['Be Civic']);
    expect(view.text).toContain('does not issue a certified copy');
    expect(await hostCount(page)).toBe(1);
    // Page scripts cannot reach the panel: the host is a plain element with a closed root, and nothing
    // of the panel is in the page's document.
    expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body').map((e) => [e.localName, e.shadowRoot, e.textContent]))).toEqual([['div', null, '']]);
    expect(await page.evaluate(() => document.documentElement.innerText)).not.toContain('What this page is for');
    await page.close();
  });

  it('the CSAM login page explains what logging in means and which keys work', async () => {
    const page = await session.open('https://idp.iamfas.belgium.be/fas/XUI/?realm=citizen#login');
    const view = await panelReady(page);
    expect(view.page).toBe('csam-login');
    expect(view.headings).toContain('About logging in');
    expect(view.text).toContain('CSAM sign-in: choose your digital key');
    expect(view.text).toContain('the itsme app');
    expect(view.text).toContain('I never see your password');
    await page.close();
  });

  it('Mon dossier: the certificates page, with the certificates it serves and what to note there', async () => {
    const page = await session.open('https://mondossier.rrn.fgov.be/fr/certificats.do');
    const view = await panelReady(page);
    expect(view.page).toBe('mon-dossier-certificates');
    expect(view.headings.length).toBeGreaterThan(3);
    expect(view.text).toContain('What you do here');
    await page.close();
  });

  it('an IRISbox certificate page, recognised by its title', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/landing');
    const view = await panelReady(page);
    expect(view.page).toBe('irisbox-form-landing');
    expect(view.text).toContain('IRISbox');
    await page.close();
  });

  it('an iMio e-guichet form', async () => {
    const page = await session.open('https://lalouviere.guichet-citoyen.be/demarches/description-certificat-residence/');
    const view = await panelReady(page);
    expect(view.page).toBe('imio-procedure-description');
    await page.close();
  });

  it('a Flemish e-loket product page', async () => {
    const page = await session.open('https://www.evergem.be/product/209/attest-van-gezinssamenstelling');
    const view = await panelReady(page);
    expect(view.page).toBe('eloket-product');
    await page.close();
  });

  it('stays away from a host the catalog does not name', async () => {
    const page = await session.open('https://example.org/fr');
    await page.waitForLoadState('load');
    await page.waitForTimeout(800);
    expect(await hostCount(page)).toBe(0);
    await page.close();
  });

  it('follows single-page navigation: another catalog page, a non-catalog path, and back', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/');
    // The fixture's title names a certificate; make this the IRISbox home first, as the real site's start page.
    await page.evaluate(() => (document.title = 'IRISbox'));
    await page.evaluate(() => history.pushState(null, '', '/irisbox/'));
    await eventually(async () => ((await readPanel(page))?.page === 'irisbox-home' ? true : undefined), 'the IRISbox home page panel');
    // The app renders the certificate form after the URL changed: the title arrives late.
    await page.evaluate(() => {
      history.pushState(null, '', '/irisbox/demo-form/landing');
      setTimeout(() => (document.title = 'Composition de ménage — IRISbox'), 400);
    });
    const certificate = await eventually(async () => {
      const v = await readPanel(page);
      return v?.page === 'irisbox-form-landing' && !v.loading ? v : undefined;
    }, 'the certificate page panel');
    expect(certificate.text).toContain('IRISbox');
    expect(await hostCount(page)).toBe(1);
    await page.evaluate(() => history.pushState(null, '', '/elsewhere'));
    await eventually(async () => ((await hostCount(page)) === 0 ? true : undefined), 'the panel gone on a non-catalog path');
    await page.goBack();
    await eventually(async () => ((await readPanel(page))?.page === 'irisbox-form-landing' ? true : undefined), 'the panel back after history.back()');
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('docks where it does not cover the page’s primary buttons', async () => {
    await session.serve('https://my.belgium.be/nl', {
      html: `<!doctype html><html lang="nl"><head><title>my.belgium.be</title></head><body>
        <form><button type="submit" style="position: fixed; top: 20px; right: 20px; width: 160px; height: 60px">Verder</button>
        <input type="submit" value="Bevestigen" style="position: fixed; bottom: 20px; right: 40px; width: 160px; height: 40px"></form></body></html>`,
    });
    const page = await session.open('https://my.belgium.be/nl');
    await panelReady(page);
    const panel = await eventually(async () => {
      const v = await readPanel(page);
      return v && v.rect.left < 400 ? v.rect : undefined;
    }, 'the panel moved to the left');
    const buttons = await page.evaluate(() => [...document.querySelectorAll('form > *')].map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
    for (const b of buttons) {
      const overlap = panel.left < b.left + b.width && b.left < panel.left + panel.width && panel.top < b.top + b.height && b.top < panel.top + panel.height;
      expect(overlap).toBe(false);
    }
    await page.close();
  });

  it('folds to its tab where every corner holds a primary button, and opens where the user asks', async () => {
    await session.serve('https://my.belgium.be/de', {
      html: `<!doctype html><html lang="de"><head><title>my.belgium.be</title></head><body><form>
        ${['top: 20px; right: 20px', 'bottom: 20px; right: 20px', 'top: 20px; left: 20px', 'bottom: 20px; left: 20px'].map((at) => `<button type="submit" style="position: fixed; ${at}; width: 200px; height: 80px">Weiter</button>`).join('')}
        </form></body></html>`,
    });
    const page = await session.open('https://my.belgium.be/de');
    const folded = await eventually(async () => {
      const v = await readPanel(page);
      return v && !v.loading && v.collapsed ? v : undefined;
    }, 'the panel folded to its tab');
    expect(folded.buttons.map((b) => b.name)).toEqual(['Show Be Civic']);
    await clickInPanel(page, 'Show Be Civic');
    await eventually(async () => ((await readPanel(page))?.collapsed === false ? true : undefined), 'the panel open at the user’s request');
    await page.close();
  });

  it('collapses to a small tab and opens again, from the keyboard too, without trapping focus', async () => {
    const page = await session.open('https://my.belgium.be/fr');
    await panelReady(page);
    await clickInPanel(page, 'Hide');
    const view = await eventually(async () => {
      const v = await readPanel(page);
      return v?.collapsed ? v : undefined;
    }, 'the collapsed tab');
    expect(view.buttons).toEqual([{ name: 'Show Be Civic', pressed: null, expanded: 'false' }]);
    expect(view.rect.width).toBeLessThan(200);
    expect(await focusInPanel(page)).toBe('button:Show Be Civic');
    await page.keyboard.press('Enter');
    await eventually(async () => {
      const v = await readPanel(page);
      return v && !v.collapsed ? v : undefined;
    }, 'the open panel');
    expect(await focusInPanel(page)).toBe('h2:Be Civic');
    // Tab moves on through the panel and out of it: nothing holds the focus.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await focusInPanel(page)).toBeNull();
    await page.close();
  });

  it('the keyboard shortcut moves focus into the panel and back to where the user was', async () => {
    const page = await session.open('https://my.belgium.be/fr?shortcut');
    await panelReady(page);
    await page.locator('a').first().focus();
    await pressShortcut(session, page);
    await eventually(async () => ((await focusInPanel(page)) === 'h2:Be Civic' ? true : undefined), 'focus in the panel');
    await pressShortcut(session, page);
    await eventually(async () => ((await page.evaluate(() => document.activeElement?.localName)) === 'a' ? true : undefined), 'focus back on the page link');
    expect(await focusInPanel(page)).toBeNull();
    await page.close();
  });

  it('has no WCAG 2.1 AA violations, in light and dark mode, open and collapsed', async () => {
    const page = await session.open('https://idp.iamfas.belgium.be/fas/XUI/');
    await panelReady(page);
    expect(await axePanel(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await inPanel<string>(page, `(root) => getComputedStyle(root.querySelector('aside')).backgroundColor`);
    expect(background).toBe('rgb(30, 30, 36)');
    expect(await axePanel(page)).toEqual([]);
    await clickInPanel(page, 'Hide');
    await eventually(async () => ((await readPanel(page))?.collapsed ? true : undefined), 'collapsed');
    expect(await axePanel(page)).toEqual([]);
    await clickInPanel(page, 'Show Be Civic');
    await page.close();
  });

  it('loads its frame while the page is still parsed, then takes its place after the page in the keyboard order without loading again', async () => {
    // A page whose parsing takes a while (a script in the body holds the parser, as a big portal page's
    // scripts do): the frame's navigation starts before the document is parsed.
    const html = readFileSync(join(ROOT, 'tests/fixtures/my-belgium.html'), 'utf8').replace(
      '</body>',
      '<script>const until = performance.now() + 300; while (performance.now() < until);</script></body>',
    );
    await session.serve('https://my.belgium.be/de?slow-parse', { html });
    const page = await session.open('https://my.belgium.be/de?slow-parse');
    await panelReady(page);
    const parsed = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive);
    const frame = page.frames().find((f) => f.url().endsWith('/panel.html'));
    // The frame's document began before the page was parsed: moving the host after the page did not reload it.
    const frameStart = await frame!.evaluate(() => performance.timeOrigin);
    expect(frameStart).toBeLessThan(parsed);
    // After the page: Tab from the page's last control reaches the panel, not the page's first one the panel.
    expect(await page.evaluate(() => [document.head, document.body].includes(document.documentElement.lastElementChild as HTMLElement))).toBe(false);
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('a second injection of the script replaces the first: one panel, and only one copy follows the page', async () => {
    const page = await session.open('https://irisbox.irisnet.be/irisbox/?twice');
    await page.evaluate(() => (document.title = 'IRISbox'));
    await page.evaluate(() => history.pushState(null, '', '/irisbox/'));
    await eventually(async () => ((await readPanel(page))?.page === 'irisbox-home' ? true : undefined), 'the first panel');
    const world = await contentScriptWorld(page, session.extensionId);
    try {
      const first = await world.evaluate<number>(`globalThis[Symbol.for('be-civic.portal')].timings.started`);
      // The same bundle again, in the same world: what a programmatic re-injection or an update does.
      await world.evaluate(readFileSync(join(CHROME_BUILD, 'content-scripts/portal.js'), 'utf8'));
      await eventually(async () => ((await world.evaluate<number>(`globalThis[Symbol.for('be-civic.portal')].timings.started`)) !== first ? true : undefined), 'the second copy running');
      await eventually(async () => ((await readPanel(page))?.loading === false ? true : undefined), 'the second copy’s panel');
      expect(await hostCount(page)).toBe(1);
      // Navigation is followed once: a leaked listener of the first copy would add a second panel.
      await page.evaluate(() => {
        history.pushState(null, '', '/irisbox/demo-form/landing');
        document.title = 'Composition de ménage — IRISbox';
      });
      await eventually(async () => ((await readPanel(page))?.page === 'irisbox-form-landing' ? true : undefined), 'the certificate panel');
      await page.waitForTimeout(600);
      expect(await hostCount(page)).toBe(1);
      // Stopping it (what an extension update or reload does through WXT's context) leaves nothing behind.
      await world.evaluate(`globalThis[Symbol.for('be-civic.portal')].stop()`);
      expect(await hostCount(page)).toBe(0);
      await page.evaluate(() => history.pushState(null, '', '/irisbox/'));
      await page.waitForTimeout(800);
      expect(await hostCount(page)).toBe(0);
    } finally {
      await world.cdp.detach();
    }
    await page.close();
  });

  it('reached nothing outside the routed pages', () => {
    expect(session.stray).toEqual([]);
  });
});
