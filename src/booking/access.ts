/**
 * Host access for commune booking sites. They are not asked for at install: the dashboard asks for the
 * booking site of the commune the user picks (optional host permission, in a user gesture), and the
 * background then registers the content script for exactly the granted booking hosts. The match
 * patterns come from the compiled catalog's hosts.json, the one place that derives them.
 */
import { browser } from 'wxt/browser';
import hosts from '../catalog/generated/hosts.json';
import type { CompiledCatalog } from '../catalog/compiled';
import { hostMatches } from '../recognise';

export const BOOKING_SCRIPT_ID = 'be-civic-booking-pages';
const CONTENT_SCRIPT_FILE = 'content-scripts/booking.js';

/** `https://*.example.be/*` → `*.example.be` */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
}

/** The match patterns to request for a commune: the on-demand booking hosts its online booking channels use. */
export function bookingOrigins(catalog: Pick<CompiledCatalog, 'communes'>, communeId: string, onDemand: readonly string[] = hosts.onDemand): string[] {
  const commune = catalog.communes.find((c) => c.id === communeId);
  if (!commune) return [];
  const origins = new Set<string>();
  for (const channel of commune.booking) {
    if (channel.kind !== 'online') continue;
    let host: string;
    try {
      host = new URL(channel.value).hostname;
    } catch {
      continue;
    }
    for (const pattern of onDemand) if (hostMatches(hostOfPattern(pattern), host)) origins.add(pattern);
  }
  return [...origins].sort();
}

/** Of the granted origins, the ones that are booking hosts of the catalog. */
export function grantedBookingOrigins(granted: readonly string[], onDemand: readonly string[] = hosts.onDemand): string[] {
  return granted.filter((o) => onDemand.includes(o)).sort();
}

/**
 * Makes the registered booking content script match exactly the granted booking hosts. It starts at
 * document_start like the manifest's, to pin the document before the page can clobber it.
 */
export async function syncBookingContentScript(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = grantedBookingOrigins(origins);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [BOOKING_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [BOOKING_SCRIPT_ID] });
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: BOOKING_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, runAt: 'document_start', persistAcrossSessions: false },
    ]);
  }
  return matches;
}
