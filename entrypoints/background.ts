import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import catalog from '../src/catalog/bundled';
import { hostMatches } from '../src/recognise';
import { describeSender, route, type RouterOptions } from '../src/messaging/router';
import { broadcast, coalesce } from '../src/messaging/broadcast';
import { Store } from '../src/store/db';
import { createHandlers } from '../src/store/handlers';
import { requestPersistence, storageEstimate } from '../src/store/persistence';
import { openWelcomeOnInstall } from '../src/welcome/install';
import { relayPanelShortcut } from '../src/panel/shortcut';
import { startBookingServices } from '../src/booking/background';

/**
 * The background worker: the only context that answers for the catalog and owns the user's data
 * (src/store). It keeps nothing that matters in globals: the worker can be stopped at any time, and
 * every answer is sent only after its transaction committed.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(openWelcomeOnInstall);
  relayPanelShortcut();
  const hosts = [...new Set(catalog.pages.flatMap((p) => p.hosts))];
  const options: RouterOptions = {
    extensionOrigin: browser.runtime.getURL('/'),
    extensionId: browser.runtime.id,
    isCatalogUrl: (url) => {
      try {
        const host = new URL(url).hostname;
        return hosts.some((pattern) => hostMatches(pattern, host));
      } catch {
        return false;
      }
    },
  };
  const store = new Store();
  const tell = coalesce((notice) => void broadcast(browser, notice, hosts));
  const booking = startBookingServices(catalog, store);
  const handlers = createHandlers({
    catalog,
    store,
    notify: (notice) => {
      tell(notice);
      booking.onChange(notice);
    },
    openDashboard: async (hash) => void (await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) })),
    estimate: () => storageEstimate(),
  });
  // Where this context may ask (Firefox's background page), ask once per start; extension pages ask too.
  void requestPersistence();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, describeSender(sender, options), handlers, options).then(sendResponse);
    return true;
  });
});
