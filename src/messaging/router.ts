/**
 * The background's side of the protocol: validates every arrival, checks who sent it, runs the handler
 * and always answers `{ ok, data | error }`. Handlers are async; replies go through `sendResponse` with
 * `return true`, which works the same in Chromium, Firefox and WXT's fake browser.
 */
import type { Browser } from 'wxt/browser';
import { PROTOCOL, parseEnvelope, type MessageType, type RequestOf, type ResponseOf, type Reply } from './protocol';

export interface SenderInfo {
  /** True when the sender is one of this extension's own pages (dashboard, welcome…). */
  fromExtensionPage: boolean;
  /** The sending tab's URL, for content scripts. */
  tabUrl?: string;
  tabId?: number;
}

export type Handlers = { [T in MessageType]: (payload: RequestOf<T>, sender: SenderInfo) => Promise<ResponseOf<T>> | ResponseOf<T> };

export interface RouterOptions {
  extensionOrigin: string;
  extensionId: string;
  /** Whether a content script running at this URL may talk to us (a catalog host). */
  isCatalogUrl: (url: string) => boolean;
}

export function describeSender(sender: Browser.runtime.MessageSender, options: RouterOptions): SenderInfo | undefined {
  if (sender.id !== options.extensionId) return undefined;
  const url = sender.url ?? '';
  if (!sender.tab && url.startsWith(options.extensionOrigin)) return { fromExtensionPage: true };
  if (sender.tab && url.startsWith(options.extensionOrigin)) return { fromExtensionPage: true, tabId: sender.tab.id };
  if (sender.tab) return { fromExtensionPage: false, tabUrl: sender.tab.url ?? url, tabId: sender.tab.id };
  return undefined;
}

export async function route(raw: unknown, sender: SenderInfo | undefined, handlers: Handlers, options: RouterOptions): Promise<Reply> {
  if (!sender) return { ok: false, error: 'unknown sender' };
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return parsed;
  const { type, payload } = parsed.envelope;
  const from = PROTOCOL[type].from as 'content' | 'page' | 'any';
  if (from === 'page' && !sender.fromExtensionPage) return { ok: false, error: `${type} is only accepted from Be Civic's own pages` };
  // A content script is only listened to on a catalog host, whatever the message.
  if (!sender.fromExtensionPage && !(sender.tabUrl && options.isCatalogUrl(sender.tabUrl))) {
    return { ok: false, error: `${type} is only accepted from catalog portal pages` };
  }
  try {
    const handler = handlers[type] as (p: unknown, s: SenderInfo) => Promise<unknown> | unknown;
    return { ok: true, data: (await handler(payload, sender)) as ResponseOf<MessageType> };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
