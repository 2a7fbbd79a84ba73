/**
 * Host access for commune booking sites. They are not asked for at install: the dashboard asks for the
 * booking site of the commune the user picks (optional host permission, in a user gesture), and the
 * background then registers the content script on the booking pages' paths of exactly the granted
 * booking hosts (which hosts a commune needs is ../core/origins.ts, which paths src/catalog/sites.ts).
 */
import { browser } from 'wxt/browser';
import type { CompiledCatalog } from '../../catalog/compiled';
import { grantedBookingMatches } from '../../catalog/sites';

export const BOOKING_SCRIPT_ID = 'be-civic-booking-pages';
const CONTENT_SCRIPT_FILE = 'content-scripts/booking.js';

/**
 * Makes the registered booking content script match exactly the booking pages of the granted hosts. It
 * starts at document_start like the manifest's, to pin the document before the page can clobber it.
 */
export async function syncBookingContentScript(catalog: Pick<CompiledCatalog, 'pages'>): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = grantedBookingMatches(catalog, origins);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [BOOKING_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [BOOKING_SCRIPT_ID] });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: BOOKING_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, runAt: 'document_start', persistAcrossSessions: false },
    ]);
  }
  return matches;
}
