/**
 * Which booking hosts a commune needs: the catalog's on-demand booking sites (the same origins the
 * compile step puts into the manifest's optional host permissions) that its online booking channels
 * fall under. Pure, so the dashboard can say what it will ask for before it asks.
 */
import type { CompiledCatalog } from '../../catalog/compiled';
import { hostMatches } from '../../recognise';
import { bookingSites } from '../../catalog/sites';

/** `https://*.example.be/*` → `*.example.be` */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
}

/** The match patterns to request for a commune: the on-demand booking hosts its online booking channels use. */
export function bookingOrigins(catalog: Pick<CompiledCatalog, 'communes' | 'pages'>, communeId: string, onDemand: readonly string[] = bookingSites(catalog)): string[] {
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
export function grantedBookingOrigins(granted: readonly string[], onDemand: readonly string[]): string[] {
  return granted.filter((o) => onDemand.includes(o)).sort();
}
