/**
 * Commune-aware guidance in the page slice, on the real catalog: a commune's own e-guichet is for its
 * residents, so a dossier of another commune hears where its own commune issues the document; the
 * set-up prompt is for users without any dossier; a page no dossier needs says what they need instead
 * from this portal.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { loadCatalog } from '../../src/catalog/load';
import { compileCatalog } from '../../src/catalog/compile';
import { createServices } from '../../src/background';
import { route, type SenderInfo } from '../../src/messaging/router';
import type { MessageType, RequestOf, ResponseOf } from '../../src/messaging/protocol';
import { AppFailure } from '../../src/model/errors';
import { Store } from '../../src/store/db';

const ROOT = resolve(import.meta.dirname, '../..');
const catalog = compileCatalog(loadCatalog(join(ROOT, 'catalog')).catalog);
let n = 0;

function services() {
  let ids = 0;
  const s = createServices({
    catalog,
    store: new Store(`guidance-${++n}-${Math.random()}`),
    notify: () => undefined,
    openDashboard: () => undefined,
    estimate: async () => ({ usage: 1, quota: 2, persisted: false }),
    languages: () => ['en'],
    newId: () => `id-${++ids}`,
  });
  return async <T extends MessageType>(type: T, payload: RequestOf<T>, sender: SenderInfo = { fromExtensionPage: true }): Promise<ResponseOf<T>> => {
    // A panel frame's tab: its content script has the page recognised first, as in the browser, and the
    // background completes the panel's sender from that record.
    if (sender.kind === 'panel' && sender.tabId !== undefined && sender.tabUrl) {
      const content: SenderInfo = { fromExtensionPage: false, kind: 'content', tabUrl: sender.tabUrl, tabId: sender.tabId };
      const probe = { title: '', headings: [], has: {} };
      await route({ type: 'page:recognise', payload: { url: sender.tabUrl, probe } }, content, s);
    }
    const described: SenderInfo = sender.kind === 'panel' ? { fromExtensionPage: false, kind: 'panel', tabId: sender.tabId } : sender;
    const reply = await route({ type, payload }, described, s);
    if (!reply.ok) throw new AppFailure(reply.error);
    return reply.data as ResponseOf<T>;
  };
}
const tab = (url: string): SenderInfo => ({ fromExtensionPage: false, kind: 'panel', tabUrl: url, tabId: 3 });
const LA_LOUVIERE_FORM = 'https://lalouviere-formulaires.guichet-citoyen.be/v2-demande-certificat-de-residence-ou-de-domicile/';
const certificates = { procedure: 'national-register-certificates', label: 'Amira', answers: {}, choices: {}, lang: 'en' as const };

describe('commune-aware guidance', () => {
  it('on La Louvière’s e-guichet, an Auderghem dossier is told where Auderghem issues the document, not that this page serves it', async () => {
    const call = services();
    await call('settings:update', { lang: 'en' });
    await call('dossier:create', { ...certificates, commune: 'auderghem' });
    const state = await call('page:state', { page: 'imio-form', form: 'residence-certificate' }, tab(LA_LOUVIERE_FORM));
    expect(state.siteCommune?.text).toBe('La Louvière');
    expect(state.dossiers).toHaveLength(1);
    const [dossier] = state.dossiers;
    expect(dossier!.needs).toEqual([]);
    expect(dossier!.otherCommune?.home.text).toBe('Auderghem');
    expect(dossier!.otherCommune?.documents.map((d) => d.text)).toEqual(['Certificate of main residence']);
    expect(dossier!.otherCommune?.places.map((p) => p.url)).toEqual(['https://irisbox.irisnet.be/', 'https://www.auderghem.be/']);
  });

  it('on the same form, a La Louvière dossier is served it', async () => {
    const call = services();
    await call('dossier:create', { ...certificates, commune: 'la-louviere' });
    const state = await call('page:state', { page: 'imio-form', form: 'residence-certificate' }, tab(LA_LOUVIERE_FORM));
    expect(state.dossiers[0]?.needs.map((x) => x.artefact)).toEqual(['residence-certificate']);
    expect(state.dossiers[0]?.otherCommune).toBeUndefined();
  });

  it('narrows the slice to the one form, and refuses a form the page does not serve', async () => {
    const call = services();
    await call('dossier:create', { ...certificates, commune: 'la-louviere' });
    const state = await call('page:state', { page: 'imio-form', form: 'household-composition-certificate' }, tab(LA_LOUVIERE_FORM));
    expect(state.dossiers[0]?.needs.map((x) => x.artefact)).toEqual(['household-composition-certificate']);
    await expect(call('page:state', { page: 'imio-form', form: 'driving-licence' }, tab(LA_LOUVIERE_FORM))).rejects.toMatchObject({ code: 'slice.artefact-not-served' });
  });

  it('asks to set up a dossier only when there is none, and says what dossiers need instead from this portal', async () => {
    const call = services();
    const empty = await call('page:state', { page: 'irisbox-dashboard' }, tab('https://irisbox.irisnet.be/irisbox/dashboard'));
    expect(empty.hasDossiers).toBe(false);
    await call('dossier:create', { ...certificates, commune: 'auderghem' });
    const state = await call('page:state', { page: 'irisbox-dashboard' }, tab('https://irisbox.irisnet.be/irisbox/dashboard'));
    expect(state.hasDossiers).toBe(true);
    expect(state.dossiers).toEqual([]);
    expect(state.instead?.[0]?.documents.map((d) => d.text)).toContain('Certificate of main residence');
  });

  it('says a regional portal is not the place for another region’s commune', async () => {
    const call = services();
    await call('dossier:create', { ...certificates, commune: 'la-louviere' });
    const state = await call('page:state', { page: 'irisbox-form-landing', form: 'residence-certificate' }, tab('https://irisbox.irisnet.be/irisbox/x/landing'));
    expect(state.dossiers[0]?.otherCommune?.home.text).toBe('La Louvière');
    expect(state.dossiers[0]?.otherCommune?.places[0]?.url).toBe('https://lalouviere.guichet-citoyen.be/');
  });
});
