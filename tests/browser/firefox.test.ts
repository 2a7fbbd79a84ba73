/**
 * Firefox smoke test: the MV2 build installed in Debian's Firefox ESR, driven over WebDriver BiDi by
 * puppeteer-core. A catalog portal page is served from its fixture through request interception (any
 * other request is aborted and recorded); the content script must recognise it and put the panel's
 * host element on the page, with its shadow root closed to the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';

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

  it('recognises a catalog portal page and shows the panel', async () => {
    await page.goto('https://my.belgium.be/fr');
    const host = await page.waitForSelector('be-civic-panel', { timeout: 15_000 });
    expect(host).not.toBeNull();
    // Closed shadow root: the page sees the host element, never what the panel shows.
    expect(await page.evaluate(() => document.querySelector('be-civic-panel')?.shadowRoot ?? null)).toBeNull();
    expect(await page.evaluate(() => document.querySelectorAll('be-civic-panel').length)).toBe(1);
  });

  it('stays away from a page the catalog does not describe on that host', async () => {
    await page.goto('https://my.belgium.be/no-such-page-in-the-catalog');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await page.evaluate(() => document.querySelectorAll('be-civic-panel').length)).toBe(0);
  });

  it('sent nothing but the portal pages it was given', () => {
    expect(stray).toEqual([]);
  });
});
