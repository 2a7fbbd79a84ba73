/**
 * Host access for commune booking sites. They are not asked for at install: the dashboard asks for the
 * booking site of the commune the user picks (optional host permission, in a user gesture), and the
 * background then registers the content script for exactly the granted booking hosts.
 */
import { browser } from 'wxt/browser';
import type { CompiledCatalog } from '../catalog/compiled';
import { hostMatches } from '../recognise';

export const BOOKING_SCRIPT_ID = 'be-civic-booking-pages';
const CONTENT_SCRIPT_FILE = 'content-scripts/portal.js';

/** Host patterns of the on-demand (booking) portal pages. */
export function onDemandHosts(catalog: Pick<CompiledCatalog, 'portals' | 'pages'>): string[] {
  const onDemand = new Set(catalog.portals.filter((p) => p.access === 'on-demand').map((p) => p.id));
  return [...new Set(catalog.pages.filter((page) => onDemand.has(page.portal)).flatMap((page) => page.hosts))].sort();
}

/** The match patterns to request for a commune: its online booking channels that the catalog knows as booking pages. */
export function bookingOrigins(catalog: Pick<CompiledCatalog, 'portals' | 'pages' | 'communes'>, communeId: string): string[] {
  const commune = catalog.communes.find((c) => c.id === communeId);
  if (!commune) return [];
  const patterns = onDemandHosts(catalog);
  const origins = new Set<string>();
  for (const channel of commune.booking) {
    if (channel.kind !== 'online') continue;
    let host: string;
    try {
      host = new URL(channel.value).hostname;
    } catch {
      continue;
    }
    for (const pattern of patterns) if (hostMatches(pattern, host)) origins.add(`https://${pattern}/*`);
  }
  return [...origins].sort();
}

/** Of the granted origins, the ones that are booking hosts of the catalog. */
export function grantedBookingOrigins(granted: readonly string[], catalog: Pick<CompiledCatalog, 'portals' | 'pages'>): string[] {
  const wanted = new Set(onDemandHosts(catalog).map((h) => `https://${h}/*`));
  return granted.filter((o) => wanted.has(o)).sort();
}

/** Makes the registered booking content script match exactly the granted booking hosts. */
export async function syncBookingContentScript(catalog: Pick<CompiledCatalog, 'portals' | 'pages'>): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = grantedBookingOrigins(origins, catalog);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [BOOKING_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [BOOKING_SCRIPT_ID] });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: BOOKING_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: false },
    ]);
  }
  return matches;
}
