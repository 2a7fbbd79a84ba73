import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, inPanel, launch, type Session } from '../support/harness';

describe('content script on a catalog host', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
    await session.serve('https://my.belgium.be/**', { fixture: 'my-belgium.html' });
    await session.serve('https://example.org/**', { fixture: 'my-belgium.html' });
  });
  afterAll(() => session?.close());

  it('recognises my.belgium.be and shows the panel as a named landmark', async () => {
    const page = await session.open('https://my.belgium.be/fr');
    const landmark = await eventually(
      () =>
        inPanel<{ role: string | null; label: string | null; page: string | null; text: string }>(
          page,
          `(root) => { const a = root.querySelector('aside'); return a && a.dataset.page && { role: a.getAttribute('role'), label: a.getAttribute('aria-label'), page: a.dataset.page, text: a.textContent } }`,
        ),
      // The panel's shell is in the page before the catalog's texts arrive: wait for the page it shows.
      'the panel with its page',
    );
    expect(landmark).toMatchObject({ role: 'complementary', label: 'Be Civic', page: 'my-belgium-home' });
    expect(landmark.text).toContain('does not issue a certified copy');
    // The page sees one element it did not write, a plain div whose root is closed, holding none of the panel's text.
    expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).map((e) => [e.localName, e.shadowRoot, e.textContent]))).toEqual([['div', null, '']]);
  });

  it('stays away from a host the catalog does not name', async () => {
    const page = await session.open('https://example.org/fr');
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).length)).toBe(0);
  });
});
