/**
 * Firefox smoke test: the MV2 build installed in Debian's Firefox ESR, driven over WebDriver BiDi by
 * puppeteer-core. The extension's own welcome tab (opened on install) proves the background answers
 * and keeps data in Firefox; a catalog portal page, served from its fixture through request
 * interception (any other request is aborted and recorded), must be recognised by the content script,
 * which then puts the panel's host element on the page — after the background described the page —
 * with its shadow root closed to the page.
 *
 * WebDriver BiDi refuses to navigate to moz-extension:// URLs ("not allowed in this context"), so the
 * test reaches the extension pages through the tab the extension opens itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, eventually } from '../support/harness';

const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');

/** FIREFOX_PATH, else Debian's firefox-esr, else a plain firefox. */
function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`No Firefox found. Install firefox-esr, or set FIREFOX_PATH. Tried: ${candidates.join(', ')}`);
  return found;
}

describe('Firefox (MV2 build, WebDriver BiDi)', () => {
  let browser: Browser;
  let page: Page;
  const stray: string[] = [];
  const fixture = readFileSync(join(ROOT, 'tests/fixtures/my-belgium.html'), 'utf8');

  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
    await browser.installExtension(FIREFOX_BUILD);
    page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('https://my.belgium.be/')) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture });
      else {
        stray.push(request.url());
        void request.abort();
      }
    });
  });
  afterAll(() => browser?.close());

  it('opens the welcome page on install, and its background keeps a dossier', async () => {
    let welcome: Page | undefined;
    for (let i = 0; i < 50 && !welcome; i++) {
      for (const candidate of await browser.pages()) {
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (/^moz-extension:\/\/[^/]+\/welcome\.html/.test(href)) welcome = candidate;
      }
      if (!welcome) await new Promise((r) => setTimeout(r, 200));
    }
    if (!welcome) throw new Error('the welcome tab did not open');
    await welcome.waitForSelector('h1');
    expect(await welcome.evaluate(() => document.querySelector('h1')?.textContent)).toMatch(/Be Civic/);
    const send = (message: unknown) =>
      welcome.evaluate((m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m), message) as Promise<{ ok: boolean; data: any; error?: { code: string } }>;
    const created = await send({ type: 'dossier:create', payload: { procedure: 'nationality-declaration-12bis', label: 'Firefox', answers: {}, choices: {}, lang: 'en' } });
    expect(created.error).toBeUndefined();
    const list = await send({ type: 'dossier:list', payload: {} });
    expect(list.data.map((d: { id: string; label: string }) => [d.id, d.label])).toEqual([[created.data.id, 'Firefox']]);
    expect((await send({ type: 'dossier:list', payload: { extra: 1 } })).error).toMatchObject({ code: 'message.invalid', params: { type: 'dossier:list' } });
  });

  it('recognises a catalog portal page and shows the panel', async () => {
    await page.goto('https://my.belgium.be/fr');
    // The panel's frame, an extension page (puppeteer names it about:blank; its own location says what it is).
    const text = await eventually(async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const seen = await frame.evaluate(() => (/^moz-extension:\/\/[^/]+\/panel\.html/.test(location.href) ? (document.querySelector('aside')?.textContent ?? '') : '')).catch(() => '');
        if (seen.includes('my.belgium.be')) return seen;
      }
      return undefined;
    }, 'the panel in its frame', 15_000);
    expect(text).toContain('my.belgium.be');
    // A built-in element with a closed root: the page sees one element it did not write, never what the panel shows.
    expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).map((e) => [e.localName, e.shadowRoot, e.textContent]))).toEqual([['div', null, '']]);
  });

  it('stays away from a page the catalog does not describe on that host', async () => {
    await page.goto('https://my.belgium.be/no-such-page-in-the-catalog');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).length)).toBe(0);
  });

  it('sent nothing but the portal pages it was given', () => {
    expect(stray).toEqual([]);
  });
});
