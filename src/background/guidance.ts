/**
 * Commune-aware guidance for a portal page: whose site it is, whether it is the place for a dossier's
 * commune, and if not, where that commune issues the document instead. A commune's own e-guichet or
 * website is for its residents; a regional portal (IRISbox, Mijn Burgerprofiel) for the communes of
 * its region; a federal one for everyone. Pure: the page slice (./pages.ts) and the tests use it.
 */
import type { CompiledCatalog, CompiledPage, Commune } from '../catalog/compiled';
import { localise, type Lang } from '../i18n';
import type { IssuePlace, Shown } from '../model/views';

/** The commune whose own site this host is, when it is one. */
export function siteCommuneOf(catalog: Pick<CompiledCatalog, 'hostCommunes' | 'communes'>, host: string | undefined): Commune | undefined {
  const id = host ? catalog.hostCommunes?.[host.toLowerCase()] : undefined;
  return id ? catalog.communes.find((c) => c.id === id) : undefined;
}

/**
 * Whether this page is a place for residents of `commune`: yes on federal portals, on a regional
 * portal of the commune's region, and on the commune's own site; no on another commune's site.
 * Unknown (undefined) when the dossier has no commune.
 */
export function servesCommune(catalog: Pick<CompiledCatalog, 'portals'>, page: CompiledPage, site: Commune | undefined, commune: Commune | undefined): boolean | undefined {
  if (!commune) return undefined;
  if (site) return site.id === commune.id;
  const regions = catalog.portals.find((p) => p.id === page.portal)?.regions ?? [];
  if (regions.includes('federal')) return true;
  return regions.includes(commune.region) || (commune.region === 'wallonia' && commune.languages.includes('de') && regions.includes('german-community'));
}

/** Where a commune issues its documents, as the catalog knows it: its e-guichet, then its website. */
export function issuePlaces(catalog: Pick<CompiledCatalog, 'portals' | 'pages' | 'hostCommunes'>, commune: Commune, lang: Lang): IssuePlace[] {
  const places: IssuePlace[] = [];
  const eguichet = commune.eguichet;
  if (eguichet) {
    const portal = catalog.portals.find((p) => p.communes?.platform === eguichet.platform) ?? catalog.portals.find((p) => p.id === eguichet.platform);
    const own = Object.entries(catalog.hostCommunes).find(([host, id]) => id === commune.id && catalog.pages.some((pg) => pg.portal === portal?.id && pg.hosts.includes(host)))?.[0];
    const host = eguichet.host ?? own;
    const name: Shown = portal ? localise(portal.name, lang) : { text: eguichet.platform, lang, fallback: false };
    places.push(host ? { label: name, url: `https://${host}/` } : { label: name });
  }
  if (commune.website && !places.some((p) => p.url === commune.website)) places.push({ label: { text: new URL(commune.website).hostname, lang, fallback: false }, url: commune.website });
  return places;
}

/** The artefacts the other pages of this portal serve: what a dossier may need "instead, from this portal". */
export function portalArtefacts(catalog: Pick<CompiledCatalog, 'pages'>, page: CompiledPage): Set<string> {
  return new Set(catalog.pages.filter((p) => p.portal === page.portal).flatMap((p) => p.serves.map((s) => s.artefact)));
}
