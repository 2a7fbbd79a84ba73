/**
 * The content script's line to the background. It does not use `wxt/browser`: that picks
 * `globalThis.browser` when `browser.runtime.id` looks set, and on a page with
 * `<form id="browser"><input name="runtime" id="id">` the named-element lookup on window hands a page
 * element back. Here only the extension API the runtime installs as an own property of the content
 * script's global counts, which page elements cannot forge.
 */
import type { MessageType, RequestOf, ResponseOf, Reply } from '../messaging/protocol';
import { AppFailure } from '../model/errors';

interface RuntimeLike {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: { id?: string; tab?: unknown }) => void): void;
    removeListener(listener: (message: unknown, sender: { id?: string; tab?: unknown }) => void): void;
  };
}

function ownApi(name: 'browser' | 'chrome'): { runtime?: RuntimeLike } | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  const value = descriptor && ('value' in descriptor ? descriptor.value : descriptor.get?.call(globalThis));
  return value && typeof value === 'object' && !(value instanceof Node) ? (value as { runtime?: RuntimeLike }) : undefined;
}

let picked: RuntimeLike | undefined;

/** Firefox installs `browser`, Chromium `chrome` (and lately `browser` too); both promise-based here. Read on first use: WXT also evaluates this module in Node at build time. */
export function runtime(): RuntimeLike | undefined {
  picked ??= (ownApi('browser') ?? ownApi('chrome'))?.runtime;
  return picked;
}

/** False once the extension was updated, reloaded or removed under this page: time to leave quietly. */
export function extensionAlive(): boolean {
  try {
    return Boolean(runtime()?.id);
  } catch {
    return false;
  }
}

export class Unavailable extends Error {}

export async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const api = runtime();
  if (!api || !extensionAlive()) throw new Unavailable('extension unavailable');
  const reply = (await api.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object') throw new Unavailable(`no answer to ${type}`);
  if (!reply.ok) throw new AppFailure(reply.error);
  return reply.data;
}
