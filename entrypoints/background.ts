import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import catalog from '../src/catalog/bundled';
import { describePage } from '../src/catalog/describe';
import { localise } from '../src/i18n';
import { hostMatches } from '../src/recognise';
import { describeSender, route, type Handlers, type RouterOptions } from '../src/messaging/router';
import { openWelcomeOnInstall } from '../src/welcome/install';

/**
 * The background worker: the only context that answers for the catalog and (through src/store) owns
 * the user's data. It keeps nothing that matters in globals: the worker can be stopped at any time.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(openWelcomeOnInstall);
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
  const handlers: Handlers = {
    'page:describe': ({ page, lang }) => describePage(catalog, page, lang),
    'catalog:procedures': ({ lang }) => catalog.procedures.map((p) => ({ id: p.id, title: localise(p.title, lang) })),
  };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, describeSender(sender, options), handlers, options).then(sendResponse);
    return true;
  });
});
