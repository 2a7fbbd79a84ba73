/**
 * Hostile pages (tests/fixtures/hostile/): the page keeps working and the panel stays right — or,
 * against a page that fights it without end, leaves quietly instead of looping. Each page is served
 * at a real catalog URL, so the content script runs there as it would on the portal.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launch, type Session } from '../support/harness';
import { clickInPanel, hostCount, hostLook, inPanel, onPage, panelReady, panelSeenVisible, readPanel, type PanelView } from '../support/panel-support';

const STRICT_CSP = "default-src 'none'; script-src 'nonce-page'; style-src 'nonce-page'; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

/** The panel's own rendering, as its frame computes it (readable, at its size), and its host's as the page renders it (shown, in the top layer, on top). */
const FRAME_LOOK = `(root) => {
  const a = root.querySelector('aside');
  const s = getComputedStyle(a);
  const r = a.getBoundingClientRect();
  return { fontSize: s.fontSize, color: s.color, background: s.backgroundColor, display: s.display, width: Math.round(r.width) };
}`;
async function ownLook(page: Page): Promise<Look | undefined> {
  const look = await inPanel<Omit<Look, 'onTop' | 'host'>>(page, FRAME_LOOK);
  const host = await hostLook(page);
  return look && host ? { ...look, onTop: host.onTop, host: { display: host.display, opacity: host.opacity, open: host.open } } : undefined;
}

interface Look {
  fontSize: string;
  color: string;
  background: string;
  display: string;
  width: number;
  onTop: boolean;
  host: { display: string; opacity: string; open: boolean };
}

const settle = (page: Page, ms: number) => page.waitForTimeout(ms);

describe('hostile pages', () => {
  let session: Session;
  const fixture = (name: string) => ({ fixture: `hostile/${name}.html` });

  beforeAll(async () => {
    session = await launch({ locale: 'en-GB' });
  });
  afterAll(() => session?.close());

  async function openAt(url: string, name: string): Promise<Page> {
    await session.serve(url, fixture(name));
    return session.open(url);
  }

  it('CSS on every element: the panel keeps its own look, size and place on top', async () => {
    const page = await openAt('https://my.belgium.be/fr?style', 'style-everything');
    const view = await panelReady(page);
    expect(view.page).toBe('my-belgium-home');
    const look = (await ownLook(page))!;
    expect(look).toMatchObject({ fontSize: '14px', color: 'rgb(27, 27, 31)', background: 'rgb(255, 255, 255)', display: 'block', width: 308, onTop: true });
    expect(look.host).toEqual({ display: 'block', opacity: '1', open: true });
    // And the page still works: its own button still takes clicks.
    await page.locator('#work').click({ force: true });
    expect(await page.locator('#work').getAttribute('data-clicks')).toBe('1');
    await page.close();
  });

  it('DOM clobbering (<form id="browser">, <img name="chrome">, document.title…): recognised by the real title, panel works', async () => {
    const page = await openAt('https://irisbox.irisnet.be/irisbox/demo-form/landing', 'clobbering');
    expect(await page.locator('#ok').textContent()).toBe('document.title is clobbered');
    const view = await panelReady(page);
    expect(view.page).toBe('irisbox-form-landing');
    await clickInPanel(page, 'Hide');
    await eventually(async () => ((await readPanel(page))?.collapsed ? true : undefined), 'collapsed despite the clobbered globals');
    await clickInPanel(page, 'Show Be Civic');
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('overridden built-ins (Array.prototype, JSON, Promise, DOM methods, a custom element under our tag name)', async () => {
    const page = await openAt('https://my.belgium.be/fr?builtins', 'builtins');
    expect(await onPage<string>(page, `document.getElementById('ok').textContent`)).toBe('yes');
    const view = await panelReady(page);
    expect(view).toMatchObject({ page: 'my-belgium-home', role: 'complementary', collapsed: false });
    expect(view.text).toContain('does not issue a certified copy');
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('a strict CSP: the panel is styled and works, and the page reports no violation caused by it', async () => {
    const url = 'https://my.belgium.be/fr?csp';
    await session.context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP }, path: 'tests/fixtures/hostile/strict-csp.html' }),
    );
    const page = await session.open(url);
    expect(await page.locator('#ok').textContent()).toBe('page script ran');
    await panelReady(page);
    const look = (await ownLook(page))!;
    expect(look).toMatchObject({ fontSize: '14px', background: 'rgb(255, 255, 255)', width: 308, onTop: true });
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.close();
  });

  it('a 50,000-node DOM: recognised, placed clear of its submit buttons, page untouched', async () => {
    const page = await openAt('https://my.belgium.be/fr?big', 'big-dom');
    expect(Number(await page.locator('body').getAttribute('data-nodes'))).toBeGreaterThan(50_000);
    const view = await panelReady(page);
    expect(view.page).toBe('my-belgium-home');
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('rapid history changes: one panel, right for wherever the storm ends', async () => {
    const page = await openAt('https://my.belgium.be/fr?storm', 'history-storm');
    await panelReady(page);
    await page.evaluate(() => (window as unknown as { storm(n: number, last: string): Promise<void> }).storm(500, '/nulle-part'));
    await eventually(async () => ((await hostCount(page)) === 0 ? true : undefined), 'no panel on a non-catalog path');
    await page.evaluate(() => (window as unknown as { storm(n: number, last: string): Promise<void> }).storm(500, '/nl'));
    const view = await panelReady(page, 'the panel after the second storm');
    expect(view.page).toBe('my-belgium-home');
    await settle(page, 600);
    expect(await hostCount(page)).toBe(1);
    // Bursts are coalesced: a handful of panels over 1,100 history changes, not hundreds.
    expect(await page.evaluate(() => (window as unknown as { hostsAdded: number }).hostsAdded)).toBeLessThanOrEqual(8);
    await page.close();
  });

  it('a page that removes the host once, or closes its popover: the panel comes back', async () => {
    const page = await openAt('https://my.belgium.be/fr?remove-once', 'remove-host');
    await panelReady(page);
    await page.evaluate(() => (window as unknown as { attack(k: string): void }).attack('once'));
    await eventually(async () => ((await hostCount(page)) === 1 ? true : undefined), 'the host back');
    await page.evaluate(() => (window as unknown as { attack(k: string): void }).attack('popover'));
    await eventually(async () => ((await ownLook(page))?.host.open ? true : undefined), 'the popover open again');
    expect((await readPanel(page))?.page).toBe('my-belgium-home');
    await page.close();
  });

  for (const kind of ['forever', 'restyle'] as const) {
    it(`a page that ${kind === 'forever' ? 'removes the host every time' : 're-styles the host every time'}: the panel leaves quietly, no loop`, async () => {
      const page = await openAt(`https://my.belgium.be/fr?${kind}`, 'remove-host');
      await panelReady(page);
      await page.evaluate((k) => (window as unknown as { attack(k: string): void }).attack(k), kind);
      await settle(page, 1_500);
      const fights = await page.evaluate(() => (window as unknown as { fights: number }).fights);
      await settle(page, 1_000);
      // The fight stopped: no new round in the last second, and only a few rounds at all.
      expect(await page.evaluate(() => (window as unknown as { fights: number }).fights)).toBe(fights);
      expect(fights).toBeLessThanOrEqual(7);
      expect(await hostCount(page)).toBe(0);
      // The page itself is fine.
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('my.belgium.be');
      await page.close();
    });
  }

  it('a page that floods mutations: the panel stays right, and a late title is still recognised', async () => {
    const page = await openAt('https://irisbox.irisnet.be/irisbox/', 'mutation-flood');
    const home = await panelReady(page);
    expect(home.page).toBe('irisbox-home');
    const flood = (ms: number, title?: string) =>
      page.evaluate(([m, t]) => (window as unknown as { flood(ms: number, t?: string): Promise<number> }).flood(m as number, t as string | undefined), [ms, title] as const);
    const ticks = await flood(1_500);
    expect(ticks).toBeGreaterThan(50);
    expect((await readPanel(page))?.page).toBe('irisbox-home');
    // A single-page move to a certificate whose title the app only sets later, under the same flood.
    await page.evaluate(() => history.pushState(null, '', '/irisbox/demo-form/landing'));
    await flood(1_500, 'Composition de ménage — IRISbox');
    const view = await eventually(async () => {
      const v = await readPanel(page);
      return v?.page === 'irisbox-form-landing' && !v.loading ? v : undefined;
    }, 'the certificate recognised under the flood');
    expect(view.text).toContain('IRISbox');
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('forged postMessage / CustomEvent messages that look like the extension’s are ignored', async () => {
    const page = await openAt('https://my.belgium.be/fr?forged', 'forged-messages');
    const before = await panelReady(page);
    await page.locator('#start').focus();
    const shapes = await page.evaluate((id) => (window as unknown as { forge(id: string): number }).forge(id), session.extensionId);
    expect(shapes).toBe(4);
    await settle(page, 800);
    const after = (await readPanel(page)) as PanelView;
    expect(after).toEqual(before);
    expect(await hostCount(page)).toBe(1);
    // Neither the forged toggle nor the forged Escape moved the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    // The content script still answers the real thing afterwards: WXT's forged "newer copy started" did not stop it.
    await page.evaluate(() => history.pushState(null, '', '/nulle-part'));
    await eventually(async () => ((await hostCount(page)) === 0 ? true : undefined), 'the live script removing the panel on a non-catalog path');
    await page.close();
  });

  it('clickjacking: a transparent layer over the page cannot sit above the panel’s buttons', async () => {
    const page = await openAt('https://my.belgium.be/fr?veil', 'clickjacking');
    await panelReady(page);
    await page.evaluate(() => (window as unknown as { veil(): void }).veil());
    await clickInPanel(page, 'Hide');
    await eventually(async () => ((await readPanel(page))?.collapsed ? true : undefined), 'the click reaching the panel, not the veil');
    expect(await page.evaluate(() => (window as unknown as { caught: number }).caught)).toBe(0);
    await clickInPanel(page, 'Show Be Civic');
    await page.close();
  });

  it('clickjacking: under a top-layer bait the panel says it is covered', async () => {
    // A page that serves documents, so the panel is as tall as where the bait sits (my.belgium.be only explains).
    const page = await openAt('https://mondossier.rrn.fgov.be/fr/certificats.do?bait', 'clickjacking');
    await panelReady(page);
    // The guard warns of a cover once it has seen the panel uncovered (its observer starts with the panel's script).
    await panelSeenVisible(page);
    await page.evaluate(() => (window as unknown as { bait(): void }).bait());
    const covered = await eventually(async () => {
      const v = await readPanel(page);
      return v?.text.includes('Something on the page covers this panel') ? v : undefined;
    }, 'the covered warning');
    expect(covered.page).toBe('mon-dossier-certificates');
    await page.evaluate(() => (window as unknown as { unbait(): void }).unbait());
    await eventually(async () => ((await readPanel(page))?.text.includes('covers this panel') ? undefined : true), 'the warning gone once uncovered');
    await page.close();
  });

  it('reached nothing outside the routed pages', () => {
    expect(session.stray).toEqual([]);
  });
});
