/**
 * Which origins and content-script matches a site needs, from the catalog's pages: install-time
 * portals go into the manifest, a commune's own sites (its e-guichet, its product pages, its booking
 * site) are asked for when the user picks that commune. The content script only ever runs on the
 * catalog's paths of those hosts, never on the whole site (where the catalog knows narrower paths).
 * Pure: the compile step, the dashboard and the background use the same answers.
 */
import type { CompiledCatalog } from './compiled';

/** The host permission for a host: `https://host/*`. */
export function originOf(host: string): string {
  return `https://${host}/*`;
}

/**
 * Match patterns for the catalog's path patterns on a host. `*` and `**` both become the match
 * pattern's `*` (which knows no one-segment wildcard, so it is a little wider); a path that does not
 * end in a wildcard also matches with a trailing slash and with any query string (match patterns
 * include the query).
 */
export function matchPatterns(host: string, paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    const glob = path.replace(/\*\*/g, '*').replace(/\*+/g, '*');
    if (glob.endsWith('*')) {
      out.add(`https://${host}${glob}`);
      continue;
    }
    const bare = glob.replace(/\/+$/, '');
    for (const p of bare ? [bare, `${bare}/`] : ['/']) {
      out.add(`https://${host}${p}`);
      out.add(`https://${host}${p}?*`);
    }
  }
  const all = [...out];
  // A pattern whose only wildcard ends it covers the longer ones that start with its prefix.
  const prefixes = all.filter((m) => m.indexOf('*') === m.length - 1 && !m.endsWith('?*')).map((m) => m.slice(0, -1));
  return all.filter((m) => !prefixes.some((p) => m !== `${p}*` && m.startsWith(p))).sort();
}

const isBookingSite = (p: CompiledCatalog['pages'][number]) => p.access === 'on-demand' && p.role === 'booking' && !p.commune_hosts;

/** The catalog's booking sites asked for on demand (a commune's platform pages are not booking sites). */
export function bookingSites(catalog: Pick<CompiledCatalog, 'pages'>): string[] {
  return [...new Set(catalog.pages.filter(isBookingSite).flatMap((p) => p.hosts.map(originOf)))].sort();
}

/**
 * Of the granted origins, where the booking content script (the one with the guide) runs: the booking
 * pages' paths on those hosts. A booking platform may share its host with a commune's e-guichet (iMio's
 * appointment form is one form of the tenant's): there the guide runs on the form's paths only, and the
 * commune sites' script is kept off them.
 */
export function grantedBookingMatches(catalog: Pick<CompiledCatalog, 'pages'>, granted: readonly string[]): string[] {
  const allowed = new Set(granted);
  const matches = new Set<string>();
  for (const page of catalog.pages) {
    if (!isBookingSite(page)) continue;
    for (const host of page.hosts) if (allowed.has(originOf(host))) for (const m of matchPatterns(host, page.paths)) matches.add(m);
  }
  return [...matches].sort();
}

export interface CommuneSites {
  /** The optional host permissions to ask for (one per host). */
  origins: string[];
  /** Where the portal content script is registered once they are granted. */
  matches: string[];
}

/**
 * A commune's own e-guichet and product-page hosts: the on-demand pages of the catalog whose hosts
 * belong to this commune (its tenant on a platform, its website), with their paths. Booking sites are
 * granted through their own channel (src/booking).
 */
export function communeSites(catalog: Pick<CompiledCatalog, 'pages' | 'hostCommunes'>, communeId: string): CommuneSites {
  const origins = new Set<string>();
  const matches = new Set<string>();
  for (const page of catalog.pages) {
    if (page.access !== 'on-demand' || !page.commune_hosts) continue;
    for (const host of page.hosts) {
      if (catalog.hostCommunes[host] !== communeId) continue;
      origins.add(originOf(host));
      for (const m of matchPatterns(host, page.paths)) matches.add(m);
    }
  }
  return { origins: [...origins].sort(), matches: [...matches].sort() };
}

/** Of the granted origins, the content-script matches of the commune sites they open. */
export function grantedCommuneMatches(catalog: Pick<CompiledCatalog, 'pages' | 'hostCommunes'>, granted: readonly string[]): string[] {
  const allowed = new Set(granted);
  const matches = new Set<string>();
  for (const page of catalog.pages) {
    if (page.access !== 'on-demand' || !page.commune_hosts) continue;
    for (const host of page.hosts) {
      if (!catalog.hostCommunes[host] || !allowed.has(originOf(host))) continue;
      for (const m of matchPatterns(host, page.paths)) matches.add(m);
    }
  }
  return [...matches].sort();
}
