/**
 * A commune's own sites (its e-guichet tenant, its product pages) are not asked for at install: the
 * dashboard asks for the origins the user's commune needs (src/catalog/sites.ts), in the user's click,
 * and this keeps the portal content script registered on exactly the catalog's paths of the granted
 * ones, less the booking pages among them (a tenant's appointment form gets the booking script, with
 * the guide, and one panel only). It runs at document_start like the manifest's, to pin the document
 * before the page can.
 */
import { browser } from 'wxt/browser';
import type { CompiledCatalog } from '../catalog/compiled';
import { grantedBookingMatches, grantedCommuneMatches } from '../catalog/sites';

export const COMMUNE_SCRIPT_ID = 'be-civic-commune-sites';
const CONTENT_SCRIPT_FILE = 'content-scripts/portal.js';

export async function syncCommuneContentScript(catalog: CompiledCatalog): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = grantedCommuneMatches(catalog, origins);
  const booking = grantedBookingMatches(catalog, origins);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [COMMUNE_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [COMMUNE_SCRIPT_ID] });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: COMMUNE_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, ...(booking.length > 0 ? { excludeMatches: booking } : {}), runAt: 'document_start', persistAcrossSessions: false },
    ]);
  }
  return matches;
}

/** Keeps the registration in step with the granted permissions, from the worker's start on. */
export function startCommuneSites(catalog: CompiledCatalog): void {
  const sync = () => void syncCommuneContentScript(catalog).catch((error: unknown) => console.warn('Be Civic: commune sites', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
