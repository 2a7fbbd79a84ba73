/**
 * The background's side of the protocol: tells who sent a message (one of Be Civic's own pages, a
 * content script in a tab's top frame, or the panel frame inside a tab), validates every arrival, asks
 * the access policy whether its sender may send it, runs the handler and always answers
 * `{ ok, data | error }` with the error as an AppError code. Handlers are async; replies go through
 * `sendResponse` with `return true`, which works the same in Chromium, Firefox and WXT's fake browser.
 */
import type { Browser } from 'wxt/browser';
import { AppFailure, type AppError } from '../model/errors';
import { parseEnvelope, type MessageType, type RequestOf, type ResponseOf, type Reply } from './protocol';

/** The extension page that is the panel, framed by the content script on portal pages. */
export const PANEL_PATH = '/panel.html';

export interface SenderInfo {
  /** True only for Be Civic's own pages in their own tab or window (dashboard, welcome): never a frame inside a web page. */
  fromExtensionPage: boolean;
  /** 'content': a content script in the top frame of a tab; 'panel': the panel frame inside a tab. */
  kind?: 'content' | 'panel';
  /**
   * A content script: its own document's URL (the sender's, never the tab's). The panel frame: the URL
   * its tab's content script reported with the page it recognised.
   */
  tabUrl?: string;
  tabId?: number;
  /** The panel frame: the page its tab's content script recognised (unset when none was, or for another frame than the one bound to it). */
  page?: string;
  /** The panel frame's frame in its tab. */
  frameId?: number;
}

export type Handlers = { [T in MessageType]: (payload: RequestOf<T>, sender: SenderInfo) => Promise<ResponseOf<T>> | ResponseOf<T> };

/** What the router dispatches to: the handlers, and the policy every message passes first. */
export interface Services {
  handlers: Handlers;
  admit<T extends MessageType>(type: T, payload: RequestOf<T>, sender: SenderInfo): AppError | undefined;
  /** Completes a panel frame's sender with its tab's page (the background's record of it). */
  resolve?(sender: SenderInfo): Promise<SenderInfo>;
}

export interface RouterOptions {
  extensionOrigin: string;
  extensionId: string;
  /** Whether a catalog host serves this URL: the only documents whose content script is listened to. */
  isCatalogUrl(url: string): boolean;
}

function parse(url: string | undefined): URL | undefined {
  try {
    return url ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who sent this, judged by what the browser sets (the sender's extension id, its frame, its own URL),
 * never by the message. An extension document inside a tab's sub-frame is the panel only at the
 * panel's path; any other, and any extension document framed elsewhere, is nobody. Chromium may show
 * the panel under its dynamic extension URL, so its origin is not compared, only its scheme: the
 * sender's id already says the document is ours.
 */
export function describeSender(sender: Browser.runtime.MessageSender, options: RouterOptions): SenderInfo | undefined {
  if (sender.id !== options.extensionId) return undefined;
  const url = parse(sender.url);
  const ownScheme = parse(options.extensionOrigin)?.protocol;
  const frameId = sender.frameId ?? 0;
  if (url && url.protocol === ownScheme) {
    if (!sender.tab || frameId === 0) {
      if (url.origin !== parse(options.extensionOrigin)?.origin || url.pathname === PANEL_PATH) return undefined;
      return { fromExtensionPage: true, ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}) };
    }
    if (url.pathname !== PANEL_PATH || sender.tab.id === undefined) return undefined;
    return { fromExtensionPage: false, kind: 'panel', tabId: sender.tab.id, frameId };
  }
  if (!sender.tab || sender.tab.id === undefined || frameId !== 0 || !url || !options.isCatalogUrl(url.href)) return undefined;
  return { fromExtensionPage: false, kind: 'content', tabUrl: url.href, tabId: sender.tab.id };
}

/** An unexpected throw becomes `internal`, with the error's name only: its message may quote user data. */
function asAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toAppError();
  const name = error instanceof Error ? error.name : typeof error;
  return { code: 'internal', params: { detail: name } };
}

export async function route(raw: unknown, described: SenderInfo | undefined, services: Services): Promise<Reply> {
  if (!described) return { ok: false, error: { code: 'sender.unknown' } };
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return parsed;
  const sender = services.resolve ? await services.resolve(described) : described;
  const { type, payload } = parsed.envelope;
  const refused = services.admit(type, payload, sender);
  if (refused) return { ok: false, error: refused };
  try {
    const handler = services.handlers[type] as (p: unknown, s: SenderInfo) => Promise<unknown> | unknown;
    return { ok: true, data: (await handler(payload, sender)) as ResponseOf<MessageType> };
  } catch (error) {
    return { ok: false, error: asAppError(error) };
  }
}
