/**
 * Tells every open view that data changed: extension pages through runtime messages, content scripts
 * through their tabs (only tabs on catalog hosts). A view that is gone or has no listener is not an
 * error: the notice only prompts re-reading, the data itself is already saved.
 *
 * A lone change is announced at once; the changes of a burst (an import, two tabs saving at once)
 * that follow within a few milliseconds are merged into one notice, instead of hundreds of re-reads
 * in every open view. The pending notice is the only thing the worker keeps in memory, and losing it
 * costs a refresh, never data.
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

/** One notice that covers both: every store named, and the dossier only when both concern the same one. */
export function mergeNotices(a: ChangeNotice, b: ChangeNotice): ChangeNotice {
  const stores = a.stores.includes('all') || b.stores.includes('all') ? (['all'] as const) : [...new Set([...a.stores, ...b.stores])];
  return { kind: 'be-civic:changed', stores: [...stores], ...(a.dossierId !== undefined && a.dossierId === b.dossierId ? { dossierId: a.dossierId } : {}) };
}

/**
 * A `notify` that sends a lone change at once, and the changes that follow it within `delayMs` as
 * one merged notice at the end of that window (then a new window starts).
 */
export function coalesce(send: (notice: ChangeNotice) => void, delayMs = 25): (notice: ChangeNotice) => void {
  let open = false;
  let pending: ChangeNotice | undefined;
  const close = () => {
    if (!pending) {
      open = false;
      return;
    }
    const merged = pending;
    pending = undefined;
    send(merged);
    setTimeout(close, delayMs);
  };
  return (notice) => {
    if (open) {
      pending = pending ? mergeNotices(pending, notice) : notice;
      return;
    }
    open = true;
    send(notice);
    setTimeout(close, delayMs);
  };
}
