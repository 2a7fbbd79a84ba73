import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import catalog from '../src/catalog/bundled';
import { createServices } from '../src/background';
import { catalogHosts, isCatalogUrl } from '../src/background/policy';
import { describeSender, route, type RouterOptions } from '../src/messaging/router';
import { broadcast, coalesce } from '../src/messaging/broadcast';
import type { ContentPush, PanelPush } from '../src/model/views';
import { Store } from '../src/store/db';
import { requestPersistence, storageEstimate } from '../src/store/persistence';
import { openWelcomeOnInstall } from '../src/welcome/install';
import { PANEL_PORT, relayPanelShortcut } from '../src/panel/shortcut';
import { startBookingServices } from '../src/booking/browser/background';
import { startCommuneSites } from '../src/background/commune-sites';

/**
 * The background worker: the only context that answers for the catalog and owns the user's data
 * (src/store, served by src/background). It keeps nothing that matters in globals: the worker can be
 * stopped at any time, and every answer is sent only after its transaction committed. The panel
 * frames' ports and the tabs' recognised pages it keeps are asked again when lost (src/background/tabs.ts).
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(openWelcomeOnInstall);
  const options: RouterOptions = {
    extensionOrigin: browser.runtime.getURL('/'),
    extensionId: browser.runtime.id,
    isCatalogUrl: (url) => isCatalogUrl(catalog, url),
  };
  const store = new Store();
  const tell = coalesce((notice) => void broadcast(browser, notice, catalogHosts(catalog)));
  const booking = startBookingServices(catalog, store);
  /** The panel frame of each tab, by its port (the newest one wins). */
  const panels = new Map<number, Browser.runtime.Port>();
  // Only the content script of the top frame: never another frame of the tab, never the panel.
  const toContent = (tabId: number, push: ContentPush) => browser.tabs.sendMessage(tabId, push, { frameId: 0 });
  const toPanel = (tabId: number, push: PanelPush) => {
    try {
      panels.get(tabId)?.postMessage(push);
    } catch {
      panels.delete(tabId);
    }
  };
  startCommuneSites(catalog);
  const services = createServices({
    catalog,
    store,
    notify: (notice) => {
      tell(notice);
      booking.onChange(notice);
    },
    openDashboard: async (hash) => void (await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) })),
    estimate: () => storageEstimate(),
    toContent,
    toPanel,
  });
  relayPanelShortcut();
  browser.runtime.onConnect.addListener(async (port) => {
    const described = port.sender && describeSender(port.sender, options);
    // Only the panel frame bound to its tab's recognised page (src/background/tabs.ts).
    const sender = port.name === PANEL_PORT && described?.kind === 'panel' ? await services.resolve(described) : undefined;
    if (!sender?.page || sender.tabId === undefined) {
      port.disconnect();
      return;
    }
    const tabId = sender.tabId;
    panels.set(tabId, port);
    // The guide read the page before this frame connected: it gets that reading now.
    const reading = services.lastGuide(tabId, sender.page);
    if (reading) port.postMessage({ kind: 'guide', reading } satisfies PanelPush);
    port.onDisconnect.addListener(() => {
      if (panels.get(tabId) === port) panels.delete(tabId);
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    panels.delete(tabId);
    services.forgetTab(tabId);
  });
  // Where this context may ask (Firefox's background page), ask once per start; extension pages ask too.
  void requestPersistence();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, describeSender(sender, options), services).then(sendResponse);
    return true;
  });
});
