/**
 * Tells every open view that data changed: extension pages through runtime messages, content scripts
 * through their tabs (only tabs on catalog hosts). A view that is gone or has no listener is not an error: the
 * notice only prompts re-reading, the data itself is already saved.
 */
import type { browser as Browser } from 'wxt/browser';
import type { ChangeNotice } from './protocol';
import { hostMatches } from '../recognise';

export async function broadcast(browser: typeof Browser, notice: ChangeNotice, hosts: readonly string[]): Promise<void> {
  const quiet = () => undefined;
  const toPages = browser.runtime.sendMessage(notice).catch(quiet);
  // Tab URLs are only visible for hosts the extension may access, which are exactly the catalog's.
  const tabs = await browser.tabs.query({}).catch(() => []);
  const onCatalog = tabs.filter((tab) => {
    if (tab.id === undefined || !tab.url) return false;
    try {
      const host = new URL(tab.url).hostname;
      return hosts.some((pattern) => hostMatches(pattern, host));
    } catch {
      return false;
    }
  });
  await Promise.all([toPages, ...onCatalog.map((tab) => browser.tabs.sendMessage(tab.id!, notice).catch(quiet))]);
}
