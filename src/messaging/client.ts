/**
 * Sending a declared message to the background and unwrapping its reply. Type-only imports from the
 * protocol keep the schemas out of the content script's bundle.
 */
import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf, Reply } from './protocol';

export class MessageError extends Error {}

export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new MessageError(`no answer to ${type}`);
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data;
}
