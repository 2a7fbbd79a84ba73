/**
 * Which booking hosts a commune needs: the booking sites among the on-demand host permissions (match
 * patterns from the compiled catalog's hosts.json, the one place that derives them) that its online
 * booking channels fall under. Pure, so the dashboard can say what it will ask for before it asks.
 */
import hosts from '../../catalog/generated/hosts.json';
import type { CompiledCatalog } from '../../catalog/compiled';
import { hostMatches } from '../../recognise';

/** `https://*.example.be/*` → `*.example.be` */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
}

/** The match patterns to request for a commune: the on-demand booking hosts its online booking channels use. */
export function bookingOrigins(catalog: Pick<CompiledCatalog, 'communes'>, communeId: string, onDemand: readonly string[] = hosts.booking): string[] {
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
export function grantedBookingOrigins(granted: readonly string[], onDemand: readonly string[] = hosts.booking): string[] {
  return granted.filter((o) => onDemand.includes(o)).sort();
}
