/**
 * The background's side of the protocol: validates every arrival, asks the access policy whether its
 * sender may send it, runs the handler and always answers `{ ok, data | error }` with the error as an
 * AppError code. Handlers are async; replies go through `sendResponse` with `return true`, which works
 * the same in Chromium, Firefox and WXT's fake browser.
 */
import type { Browser } from 'wxt/browser';
import { AppFailure, type AppError } from '../model/errors';
import { parseEnvelope, type MessageType, type RequestOf, type ResponseOf, type Reply } from './protocol';

export interface SenderInfo {
  /** True when the sender is one of this extension's own pages (dashboard, welcome…). */
  fromExtensionPage: boolean;
  /** The sending tab's URL, for content scripts. */
  tabUrl?: string;
  tabId?: number;
}

export type Handlers = { [T in MessageType]: (payload: RequestOf<T>, sender: SenderInfo) => Promise<ResponseOf<T>> | ResponseOf<T> };

/** What the router dispatches to: the handlers, and the policy every message passes first. */
export interface Services {
  handlers: Handlers;
  admit<T extends MessageType>(type: T, payload: RequestOf<T>, sender: SenderInfo): AppError | undefined;
}

export interface SenderOptions {
  extensionOrigin: string;
  extensionId: string;
}

export function describeSender(sender: Browser.runtime.MessageSender, options: SenderOptions): SenderInfo | undefined {
  if (sender.id !== options.extensionId) return undefined;
  const url = sender.url ?? '';
  if (!sender.tab && url.startsWith(options.extensionOrigin)) return { fromExtensionPage: true };
  if (sender.tab && url.startsWith(options.extensionOrigin)) return { fromExtensionPage: true, tabId: sender.tab.id };
  if (sender.tab) return { fromExtensionPage: false, tabUrl: sender.tab.url ?? url, tabId: sender.tab.id };
  return undefined;
}

/** An unexpected throw becomes `internal`, with the error's name only: its message may quote user data. */
function asAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toAppError();
  const name = error instanceof Error ? error.name : typeof error;
  return { code: 'internal', params: { detail: name } };
}

export async function route(raw: unknown, sender: SenderInfo | undefined, services: Services): Promise<Reply> {
  if (!sender) return { ok: false, error: { code: 'sender.unknown' } };
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return parsed;
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
