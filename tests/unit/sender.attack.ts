/**
 * Issue 13: who may talk to the background. A content script is listened to only from the top frame
 * of a tab (frameId 0) whose own URL (sender.url, not the tab's) is a catalog page; a frame of the
 * extension inside a tab (the panel frame) is not one of Be Civic's own pages and never gets their
 * privileges. Each case fails on the router that predates the fix (marked where a case is a guard).
 */
import type { Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { describeSender, route, type Handlers, type RouterOptions } from '../../src/messaging/router';

const OPTIONS: RouterOptions = {
  extensionOrigin: 'chrome-extension://be-civic/',
  extensionId: 'be-civic',
  isCatalogUrl: (url) => {
    try {
      return new URL(url).hostname === 'irisbox.irisnet.be';
    } catch {
      return false;
    }
  },
};
const CATALOG_PAGE = 'https://irisbox.irisnet.be/irisbox/certificat';
const handlers = new Proxy({}, { get: () => () => 'handled' }) as Handlers;

type Sender = Browser.runtime.MessageSender;
const tab = (url: string, id = 7) => ({ id, url, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false, selected: true, discarded: false, autoDiscardable: true, groupId: -1 }) as unknown as Sender['tab'];
const ask = (sender: Sender, type: string, payload: unknown = {}) => route({ type, payload }, describeSender(sender, OPTIONS), handlers, OPTIONS);
const pageState = (sender: Sender) => ask(sender, 'page:state', { page: 'irisbox-certificate' });

describe('sender checks', () => {
  it('the top frame of a catalog tab is listened to (guard: passes before the fix too)', async () => {
    expect(await pageState({ id: 'be-civic', url: CATALOG_PAGE, frameId: 0, tab: tab(CATALOG_PAGE) })).toEqual({ ok: true, data: 'handled' });
  });

  it('refuses a content script in a sub-frame of a catalog tab', async () => {
    expect((await pageState({ id: 'be-civic', url: CATALOG_PAGE, frameId: 2, tab: tab(CATALOG_PAGE) })).ok).toBe(false);
  });

  it('refuses an about:blank frame of a catalog tab', async () => {
    expect((await pageState({ id: 'be-civic', url: 'about:blank', frameId: 3, tab: tab(CATALOG_PAGE) })).ok).toBe(false);
  });

  it('judges a content script by its own URL, not its tab’s (a tab still showing a catalog URL while the frame is elsewhere)', async () => {
    expect((await pageState({ id: 'be-civic', url: 'https://attacker.example/irisbox', frameId: 0, tab: tab(CATALOG_PAGE) })).ok).toBe(false);
  });

  it('a catalog page framed by another site’s tab is refused (guard: passes before the fix too)', async () => {
    expect((await pageState({ id: 'be-civic', url: CATALOG_PAGE, frameId: 1, tab: tab('https://attacker.example/', 9) })).ok).toBe(false);
  });

  it('an extension frame inside a portal tab (the panel frame) gets none of the dashboard’s messages', async () => {
    const frame: Sender = { id: 'be-civic', url: 'chrome-extension://be-civic/panel.html', frameId: 4, tab: tab(CATALOG_PAGE) };
    for (const type of ['dossier:list', 'backup:export-begin', 'settings:get']) expect((await ask(frame, type)).ok, type).toBe(false);
    expect((await ask(frame, 'data:wipe', { confirm: true })).ok).toBe(false);
  });

  it('the dashboard in its own tab keeps its messages (guard: passes before the fix too)', async () => {
    const dashboard: Sender = { id: 'be-civic', url: 'chrome-extension://be-civic/dashboard.html', frameId: 0, tab: tab('chrome-extension://be-civic/dashboard.html', 3) };
    expect(await ask(dashboard, 'dossier:list')).toEqual({ ok: true, data: 'handled' });
  });
});
