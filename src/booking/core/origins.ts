/**
 * Which booking hosts a dossier needs: the catalog's on-demand booking sites (the same origins the
 * compile step puts into the manifest's optional host permissions; a commune's own e-guichet and
 * product pages, also on demand, are not booking sites) that the online channels of its commune — or,
 * abroad, of its procedure's consulate — fall under, platform tenants included. Pure, so the dashboard
 * can say what it will ask for before it asks.
 */
import type { CompiledCatalog } from '../../catalog/compiled';
import { channelHosts } from '../../catalog/platforms';
import { hostMatches } from '../../recognise';
import { bookingSites } from '../../catalog/sites';
import type { Dossier } from '../../model/data';

/** `https://*.example.be/*` → `*.example.be` */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
}

type BookingCatalog = Pick<CompiledCatalog, 'communes' | 'procedures' | 'platforms' | 'consulates'>;

/** The booking channels of the dossier: its commune's, else its procedure's consulate's. */
export function dossierChannels(catalog: BookingCatalog, dossier: Pick<Dossier, 'commune' | 'procedure'>) {
  const commune = dossier.commune ? catalog.communes.find((c) => c.id === dossier.commune) : undefined;
  if (commune) return commune.booking;
  const consulate = catalog.procedures.find((p) => p.id === dossier.procedure)?.consulate;
  return catalog.consulates?.find((c) => c.id === consulate)?.booking ?? [];
}

/** The match patterns to request for a dossier: the on-demand booking hosts its online booking channels use. */
export function bookingOrigins(catalog: BookingCatalog & Pick<CompiledCatalog, 'pages'>, dossier: Pick<Dossier, 'commune' | 'procedure'>, onDemand: readonly string[] = bookingSites(catalog)): string[] {
  const origins = new Set<string>();
  for (const channel of dossierChannels(catalog, dossier)) {
    for (const host of channelHosts(channel, catalog.platforms ?? [])) {
      for (const pattern of onDemand) if (hostMatches(hostOfPattern(pattern), host)) origins.add(pattern);
    }
  }
  return [...origins].sort();
}
