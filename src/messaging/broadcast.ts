/**
 * Tells every open view that data changed: extension pages through runtime messages, content scripts
 * through their tabs (only tabs on catalog hosts; the query by URL needs no "tabs" permission because
 * the extension has host access there). A view that is gone or has no listener is not an error: the
 * notice only prompts re-reading, the data itself is already saved.
 */
import type { browser as Browser } from 'wxt/browser';
import type { ChangeNotice } from './protocol';

/** Match patterns (`https://host/*`) for the catalog's host patterns (`host` or `*.suffix`). */
export function tabPatterns(hosts: readonly string[]): string[] {
  return [...new Set(hosts)].map((host) => `https://${host}/*`);
}

export async function broadcast(browser: typeof Browser, notice: ChangeNotice, hosts: readonly string[]): Promise<void> {
  const quiet = () => undefined;
  const toPages = browser.runtime.sendMessage(notice).catch(quiet);
  const patterns = tabPatterns(hosts);
  const tabs = patterns.length ? await browser.tabs.query({ url: patterns }).catch(() => []) : [];
  await Promise.all([
    toPages,
    ...tabs.filter((tab) => tab.id !== undefined).map((tab) => browser.tabs.sendMessage(tab.id!, notice).catch(quiet)),
  ]);
}
