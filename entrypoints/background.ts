import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import catalog from '../src/catalog/bundled';
import { createServices } from '../src/background';
import { catalogHosts } from '../src/background/policy';
import { describeSender, route, type SenderOptions } from '../src/messaging/router';
import { broadcast, coalesce } from '../src/messaging/broadcast';
import { Store } from '../src/store/db';
import { requestPersistence, storageEstimate } from '../src/store/persistence';
import { openWelcomeOnInstall } from '../src/welcome/install';
import { relayPanelShortcut } from '../src/panel/shortcut';
import { startBookingServices } from '../src/booking/browser/background';
import { startCommuneSites } from '../src/background/commune-sites';

/**
 * The background worker: the only context that answers for the catalog and owns the user's data
 * (src/store, served by src/background). It keeps nothing that matters in globals: the worker can be
 * stopped at any time, and every answer is sent only after its transaction committed.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(openWelcomeOnInstall);
  relayPanelShortcut();
  const options: SenderOptions = { extensionOrigin: browser.runtime.getURL('/'), extensionId: browser.runtime.id };
  const store = new Store();
  const tell = coalesce((notice) => void broadcast(browser, notice, catalogHosts(catalog)));
  const booking = startBookingServices(catalog, store);
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
  });
  // Where this context may ask (Firefox's background page), ask once per start; extension pages ask too.
  void requestPersistence();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, describeSender(sender, options), services).then(sendResponse);
    return true;
  });
});
