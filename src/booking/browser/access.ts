/**
 * Host access for commune booking sites. They are not asked for at install: the dashboard asks for the
 * booking site of the commune the user picks (optional host permission, in a user gesture), and the
 * background then registers the content script for exactly the granted booking hosts (which hosts a
 * commune needs is ../core/origins.ts).
 */
import { browser } from 'wxt/browser';
import { grantedBookingOrigins } from '../core/origins';

export const BOOKING_SCRIPT_ID = 'be-civic-booking-pages';
const CONTENT_SCRIPT_FILE = 'content-scripts/booking.js';

/**
 * Makes the registered booking content script match exactly the granted booking hosts. It starts at
 * document_start like the manifest's, to pin the document before the page can clobber it.
 */
export async function syncBookingContentScript(bookingSites: readonly string[]): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = grantedBookingOrigins(origins, bookingSites);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [BOOKING_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [BOOKING_SCRIPT_ID] });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: BOOKING_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, runAt: 'document_start', persistAcrossSessions: false },
    ]);
  }
  return matches;
}
