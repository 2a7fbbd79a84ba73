/**
 * Sending a declared message to the background and unwrapping its reply; a refusal is thrown as an
 * AppFailure carrying the code, for the screen to translate. Type-only imports from the
 * protocol keep the schemas out of the content script's bundle.
 */
import { browser } from 'wxt/browser';
import { AppFailure } from '../model/errors';
import type { MessageType, RequestOf, ResponseOf, Reply } from './protocol';

export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new AppFailure({ code: 'internal', params: { detail: `no answer to ${type}` } });
  if (!reply.ok) throw new AppFailure(reply.error);
  return reply.data;
}
