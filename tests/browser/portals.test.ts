/**
 * Real portal families in a real Chromium, on fixtures modelled on evidence and served under the real
 * hostnames: an IRISbox form whose texts render late is recognised as its form; a Flemish product
 * page gets the panel only on a commune the user granted; on La Louvière's e-guichet an Auderghem
 * dossier is told where Auderghem issues the document instead of being told this page serves it.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, inPanel, launch, type Session } from '../support/harness';
import { call } from '../support/booking-support';
import { hostCount, panelReady } from '../support/panel-support';

/** The worker's own extension API, inside worker.evaluate only. */
declare const chrome: { scripting: { getRegisteredContentScripts(filter: { ids: string[] }): Promise<unknown[]> } };

const panel = (page: Page) =>
  inPanel<{ page: string | null; form: string | null; text: string; needs: number }>(
    page,
    `(root) => { const a = root.querySelector('aside'); return a && { page: a.dataset.page ?? null, form: a.dataset.form ?? null, text: a.textContent, needs: root.querySelectorAll('.need').length } }`,
  );

describe('real portal families', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('IRISbox: a form page rendered late is recognised as its form', async () => {
    session = await launch({ locale: 'en-GB' });
    await session.serve('https://irisbox.irisnet.be/**', { fixture: 'irisbox.html' });
    // The Angular app shows its texts 1.5 s after load; the URL's stand-in slug names no form.
    const page = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/landing?late=1500');
    const first = await eventually(async () => {
      const v = await panel(page);
      return v?.page ? v : undefined;
    }, 'the panel for the landing page');
    expect(first.page).toBe('irisbox-form-landing');
    const formed = await eventually(async () => {
      const v = await panel(page);
      return v?.form ? v : undefined;
    }, 'the panel for the form, once the app has rendered');
    expect(formed).toMatchObject({ page: 'irisbox-form-landing', form: 'household-composition-certificate' });
    expect(formed.text).toContain('This form is for: Household composition certificate');
    expect(await hostCount(page)).toBe(1);
  });

  it('Flemish product pages: the panel on a granted commune’s site, not on another commune’s', async () => {
    session = await launch({ locale: 'en-GB', grantOrigins: ['https://kortenberg.be/*', 'https://www.kortenberg.be/*'] });
    const html = (title: string) =>
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head><body><p role="note">Demokopie voor de tests van Be Civic.</p><main><h1>${title}</h1><p>Digitaal aanvragen via het e-loket.</p></main></body></html>`;
    await session.serve('https://kortenberg.be/**', { html: html('Samenstelling van het gezin') });
    await session.serve('https://www.lubbeek.be/**', { html: html('Samenstelling van het gezin') });
    // The worker registers the script for granted commune sites when it starts (as the booking one):
    // a page opened before that would have no panel, as after any browser start.
    await eventually(
      () => session!.worker.evaluate(async () => ((await chrome.scripting.getRegisteredContentScripts({ ids: ['be-civic-commune-sites'] })).length > 0 ? true : undefined)),
      'the portal script registered for the granted commune sites',
    );
    const granted = await session.open('https://kortenberg.be/samenstelling-van-het-gezin');
    const view = await panelReady(granted);
    expect(view.page).toBe('eloket-product');
    expect((await panel(granted))?.form).toBe('household-composition-certificate');
    const other = await session.open('https://www.lubbeek.be/samenstelling-van-het-gezin');
    await other.waitForLoadState('load');
    await other.waitForTimeout(800);
    expect(await hostCount(other)).toBe(0);
  });

  it('La Louvière’s e-guichet with an Auderghem dossier says where Auderghem issues the certificate', async () => {
    session = await launch({ locale: 'en-GB', grantOrigins: ['https://lalouviere-formulaires.guichet-citoyen.be/*', 'https://lalouviere.guichet-citoyen.be/*'] });
    await session.serve('https://lalouviere-formulaires.guichet-citoyen.be/**', { fixture: 'imio-eguichet.html' });
    const dashboard = await session.open(`chrome-extension://${session.extensionId}/dashboard.html`);
    await call(dashboard, 'settings:update', { lang: 'en' });
    await call(dashboard, 'dossier:create', { procedure: 'national-register-certificates', label: 'Amira', answers: {}, choices: {}, lang: 'en', commune: 'auderghem' });
    const page = await session.open('https://lalouviere-formulaires.guichet-citoyen.be/v2-demande-certificat-de-residence-ou-de-domicile/');
    const view = await eventually(async () => {
      const v = await panel(page);
      return v?.text.includes('Auderghem') ? v : undefined;
    }, 'the panel with the dossier’s commune');
    expect(view).toMatchObject({ page: 'imio-form', form: 'residence-certificate', needs: 0 });
    expect(view.text).toContain('This is La Louvière’s own site');
    expect(view.text).toContain('Amira lives in Auderghem: this site is not for Auderghem’s residents.');
    expect(view.text).toContain('https://irisbox.irisnet.be/');
    expect(view.text).not.toContain('Set up a dossier');
  });
});
