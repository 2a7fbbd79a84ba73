/**
 * Issue 13: who may talk to the background. A content script is listened to only from the top frame
 * of a tab (frameId 0) whose own URL (sender.url, not the tab's) is a catalog page; a frame of the
 * extension inside a tab is the panel frame only at the panel's path, and never gets the privileges of
 * Be Civic's own pages. Written as an attack (tests/unit/sender.attack.ts, h13): each case marked
 * "guard" passed before the fix too; every other one failed on the router and policy that predate it.
 */
import type { Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import catalog from '../../src/catalog/bundled';
import { admit, isCatalogUrl } from '../../src/background/policy';
import { describeSender, route, type Handlers, type RouterOptions, type SenderInfo } from '../../src/messaging/router';

const OPTIONS: RouterOptions = {
  extensionOrigin: 'chrome-extension://be-civic/',
  extensionId: 'be-civic',
  isCatalogUrl: (url) => isCatalogUrl(catalog, url),
};
const CATALOG_PAGE = 'https://irisbox.irisnet.be/irisbox/dashboard';
const handlers = new Proxy({}, { get: () => () => 'handled' }) as Handlers;
/** The tab's content script recognised the IRISbox certificate page (what the background's record would hold). */
const resolve = async (sender: SenderInfo): Promise<SenderInfo> =>
  sender.kind === 'panel' && sender.tabId === 7 ? { ...sender, page: 'irisbox-dashboard', tabUrl: CATALOG_PAGE } : sender;
const services = { handlers, admit: (type: never, payload: never, sender: SenderInfo) => admit(catalog, type, payload, sender), resolve };

type Sender = Browser.runtime.MessageSender;
const tab = (url: string, id = 7) => ({ id, url, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false, selected: true, discarded: false, autoDiscardable: true, groupId: -1 }) as unknown as Sender['tab'];
const ask = (sender: Sender, type: string, payload: unknown = {}) => route({ type, payload }, describeSender(sender, OPTIONS), services);
const seen = (sender: Sender) => ask(sender, 'page:recognise', { url: sender.url });
const frame = (extra: Partial<Sender> = {}): Sender => ({ id: 'be-civic', url: 'chrome-extension://be-civic/panel.html', frameId: 4, tab: tab(CATALOG_PAGE), ...extra });

describe('sender checks', () => {
  it('the top frame of a catalog tab is listened to (guard: passes before the fix too)', async () => {
    expect(await seen({ id: 'be-civic', url: CATALOG_PAGE, frameId: 0, tab: tab(CATALOG_PAGE) })).toEqual({ ok: true, data: 'handled' });
  });

  it('refuses a content script in a sub-frame of a catalog tab', async () => {
    expect((await seen({ id: 'be-civic', url: CATALOG_PAGE, frameId: 2, tab: tab(CATALOG_PAGE) })).ok).toBe(false);
  });

  it('refuses an about:blank frame of a catalog tab', async () => {
    expect((await seen({ id: 'be-civic', url: 'about:blank', frameId: 3, tab: tab(CATALOG_PAGE) })).ok).toBe(false);
    expect((await seen({ id: 'be-civic', url: 'about:blank', frameId: 0, tab: tab(CATALOG_PAGE) })).ok).toBe(false);
  });

  it('judges a content script by its own URL, not its tab’s (a tab still showing a catalog URL while the frame is elsewhere)', async () => {
    expect((await seen({ id: 'be-civic', url: 'https://attacker.example/irisbox', frameId: 0, tab: tab(CATALOG_PAGE) })).ok).toBe(false);
  });

  it('a catalog page framed by another site’s tab is refused (guard: passes before the fix too)', async () => {
    expect((await seen({ id: 'be-civic', url: CATALOG_PAGE, frameId: 1, tab: tab('https://attacker.example/', 9) })).ok).toBe(false);
  });


  it('a content script’s address counts only within its own origin (a single-page navigation, never another site)', async () => {
    const top: Sender = { id: 'be-civic', url: CATALOG_PAGE, frameId: 0, tab: tab(CATALOG_PAGE) };
    expect(await ask(top, 'page:recognise', { url: 'https://irisbox.irisnet.be/irisbox/other' })).toEqual({ ok: true, data: 'handled' });
    expect(await ask(top, 'page:recognise', { url: 'https://my.belgium.be/fr' })).toMatchObject({ ok: false, error: { code: 'sender.not-catalog-page' } });
  });

  it('an extension frame inside a portal tab (the panel frame) gets none of the dashboard’s messages', async () => {
    for (const type of ['dossier:list', 'backup:export', 'settings:get', 'settings:update', 'history:undo']) expect((await ask(frame(), type)).ok, type).toBe(false);
    expect((await ask(frame(), 'data:wipe', { confirm: true })).ok).toBe(false);
    expect((await ask(frame(), 'backup:import', { json: '{}' })).ok).toBe(false);
  });

  it('the panel frame gets exactly its tab’s page, and another tab’s panel none', async () => {
    expect(await ask(frame(), 'page:state', { page: 'irisbox-dashboard' })).toEqual({ ok: true, data: 'handled' });
    expect(await ask(frame(), 'page:state', { page: 'mon-dossier-home' })).toMatchObject({ ok: false, error: { code: 'slice.wrong-page' } });
    expect(await ask(frame({ tab: tab(CATALOG_PAGE, 8) }), 'page:state', { page: 'irisbox-dashboard' })).toMatchObject({ ok: false, error: { code: 'slice.no-page' } });
  });

  it('an extension document is the panel only at the panel’s path, inside a tab’s sub-frame', async () => {
    // The dashboard framed by a page, and the panel page opened as a tab of its own: nobody.
    expect(describeSender(frame({ url: 'chrome-extension://be-civic/dashboard.html' }), OPTIONS)).toBeUndefined();
    expect(describeSender(frame({ frameId: 0, tab: tab('chrome-extension://be-civic/panel.html', 3) }), OPTIONS)).toBeUndefined();
    // Another extension's frame never counts, whatever its URL.
    expect(describeSender(frame({ id: 'someone-else' }), OPTIONS)).toBeUndefined();
    expect(describeSender(frame(), OPTIONS)).toEqual({ fromExtensionPage: false, kind: 'panel', tabId: 7, frameId: 4 });
  });

  it('a content script may not send what the panel sends, nor the panel what the content script sends', async () => {
    const top: Sender = { id: 'be-civic', url: CATALOG_PAGE, frameId: 0, tab: tab(CATALOG_PAGE) };
    expect(await ask(top, 'page:state', { page: 'irisbox-dashboard' })).toMatchObject({ ok: false, error: { code: 'sender.wrong-kind' } });
    expect(await ask(top, 'progress:set-status', { dossierId: 'd', artefact: 'criminal-record-extract', status: 'obtained' })).toMatchObject({ ok: false });
    expect(await ask(frame(), 'page:recognise', { url: CATALOG_PAGE })).toMatchObject({ ok: false, error: { code: 'sender.wrong-kind' } });
  });

  it('the dashboard in its own tab keeps its messages (guard: passes before the fix too)', async () => {
    const dashboard: Sender = { id: 'be-civic', url: 'chrome-extension://be-civic/dashboard.html', frameId: 0, tab: tab('chrome-extension://be-civic/dashboard.html', 3) };
    expect(await ask(dashboard, 'dossier:list')).toEqual({ ok: true, data: 'handled' });
  });
});
