/**
 * Turns the validated catalog into what the extension ships: the full catalog for the background and
 * extension pages, and a small recognition index for the content script (host → first path segment →
 * rules). The manifest's content-script matches and host permissions are derived here too, so the
 * extension can never ask for a host that the catalog does not name.
 */
import type { Catalog } from './load';
import type { BookingPlatform, Portal, PortalPage } from './schema';
import { channelHosts } from './platforms';
import { buildIndex, type RecognitionIndex } from '../recognise';
import type { CompiledCatalog } from './compiled';
import { COMPILED_FORMAT } from './compiled';

/** The hosts a platform serves for the communes and consulates that name it. */
function platformHosts(catalog: Catalog, platform: BookingPlatform): string[] {
  const channels = [...catalog.communes, ...catalog.consulates].flatMap((owner) => owner.booking).filter((c) => c.platform === platform.id);
  return [...new Set(channels.flatMap((c) => channelHosts(c, [platform])))].sort();
}

/**
 * A platform guided in the page, as a booking portal with one page: its hosts for every tenant that
 * uses it, and its steps as the page's guide. A step written in several languages becomes one guide
 * entry per heading, all with the step's id (the panel shows the last step whose signals hold).
 */
function platformPortal(catalog: Catalog, platform: BookingPlatform): Portal | undefined {
  const hosts = platformHosts(catalog, platform);
  if (!platform.in_page || platform.scheme !== 'https' || hosts.length === 0) return undefined;
  const page: PortalPage = {
    id: `${platform.id}-booking`,
    title: platform.name,
    hosts,
    paths: platform.paths,
    role: 'booking',
    serves: [],
    capture: [],
    explains: platform.service_list.explain,
    guide: platform.steps.flatMap((step) => {
      const whens = step.headings ? [...new Set(Object.values(step.headings))].map((heading) => ({ heading })) : [{ selector: step.selector! }];
      return whens.map((when) => ({ id: step.id, when, explain: step.explain, highlight_service: step.service, fields: step.fields, confirmation: step.confirmation }));
    }),
    ...(platform.notes ? { notes: platform.notes } : {}),
    examples: platform.examples,
    provenance: platform.provenance,
    last_verified: platform.last_verified,
  };
  return {
    id: platform.id,
    name: platform.name,
    operator: platform.operator,
    regions: platform.regions,
    access: 'on-demand',
    ...(platform.fixture ? { fixture: platform.fixture } : {}),
    pages: [page],
    provenance: platform.provenance,
    last_verified: platform.last_verified,
  };
}

/** The catalog's portals and the booking platforms guided in the page, as portals. */
export function allPortals(catalog: Catalog): Portal[] {
  return [...catalog.portals, ...catalog.platforms.flatMap((p) => platformPortal(catalog, p) ?? [])];
}

export function compileCatalog(catalog: Catalog): CompiledCatalog {
  const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  const portals = allPortals(catalog);
  return {
    format: COMPILED_FORMAT,
    procedures: sortById(catalog.procedures),
    artefacts: sortById(catalog.artefacts),
    portals: sortById(portals).map(({ pages, ...portal }) => ({ ...portal, pages: pages.map((p) => p.id) })),
    pages: sortById(portals.flatMap((portal) => portal.pages.map((page) => ({ ...page, portal: portal.id })))),
    communes: sortById(catalog.communes),
    platforms: sortById(catalog.platforms),
    consulates: sortById(catalog.consulates),
    provenance: catalog.provenance ?? [],
    intents: catalog.intents ?? [],
  };
}

export function compileRecognition(catalog: Catalog): RecognitionIndex {
  return buildIndex(
    allPortals(catalog).flatMap((portal) =>
      portal.pages.flatMap((page) =>
        page.paths.map((path) => ({ page: page.id, portal: portal.id, path, hosts: page.hosts, ...(page.signals ? { signals: page.signals } : {}) })),
      ),
    ),
  );
}

/** Match patterns for the manifest: install-time hosts, and on-demand hosts (optional permissions). */
export function compileHosts(catalog: Catalog): { install: string[]; onDemand: string[] } {
  const collect = (access: 'install' | 'on-demand') =>
    [...new Set(allPortals(catalog).filter((p) => p.access === access).flatMap((p) => p.pages.flatMap((page) => page.hosts)))]
      .sort()
      .map((host) => `https://${host}/*`);
  const install = collect('install');
  return { install, onDemand: collect('on-demand').filter((h) => !install.includes(h)) };
}

export function catalogStats(catalog: Catalog) {
  const hosts = new Set(catalog.portals.flatMap((p) => p.pages.flatMap((page) => page.hosts)));
  return {
    procedures: catalog.procedures.length,
    artefacts: catalog.artefacts.length,
    sources: catalog.artefacts.reduce((n, a) => n + a.sources.length, 0),
    portals: catalog.portals.length,
    bookingPlatforms: catalog.platforms.length,
    consulates: catalog.consulates.length,
    portalPages: catalog.portals.reduce((n, p) => n + p.pages.length, 0),
    communes: catalog.communes.length,
    hosts: hosts.size,
  };
}
