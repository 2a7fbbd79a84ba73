/**
 * Turns the validated catalog into what the extension ships: the full catalog for the background and
 * extension pages, and a small recognition index for the content script (host → first path segment →
 * rules, plus the lexicon). Platform families get their hosts from the commune data here, once. The
 * manifest's host permissions and content-script matches are derived here too, so the extension can
 * never ask for a host, or run on a path, that the catalog does not name.
 */
import type { Catalog } from './load';
import type { BookingPlatform, Portal, PortalPage } from './schema';
import { channelHosts } from './platforms';
import { buildIndex, type RecognitionIndex } from '../recognise';
import type { CompiledCatalog, CompiledPage } from './compiled';
import { COMPILED_FORMAT } from './compiled';
import { pageHosts } from './portal-platforms';
import { bookingSites, matchPatterns, originOf } from './sites';

const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

function compiledPages(catalog: Catalog): CompiledPage[] {
  return sortById(
    allPortals(catalog).flatMap((portal) =>
      portal.pages.map((page) => ({ ...page, portal: portal.id, access: portal.access, hosts: pageHosts(portal, page, catalog.communes).map((h) => h.host) })),
    ),
  );
}

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
    except_paths: [],
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
  const hostCommunes: Record<string, string> = {};
  for (const portal of catalog.portals) {
    for (const page of portal.pages) {
      for (const { host, commune } of pageHosts(portal, page, catalog.communes)) if (commune) hostCommunes[host] = commune;
    }
  }
  const portals = allPortals(catalog);
  return {
    format: COMPILED_FORMAT,
    procedures: sortById(catalog.procedures),
    artefacts: sortById(catalog.artefacts),
    portals: sortById(portals).map(({ pages, ...portal }) => ({ ...portal, pages: pages.map((p) => p.id) })),
    pages: compiledPages(catalog),
    communes: [...catalog.communes].sort((a, b) => a.nis.localeCompare(b.nis)),
    hostCommunes,
    topics: Object.fromEntries(Object.entries(catalog.lexicon.topics).map(([id, topic]) => [id, topic.title])),
    platforms: sortById(catalog.platforms),
    consulates: sortById(catalog.consulates),
    provenance: catalog.provenance ?? [],
    intents: catalog.intents ?? [],
  };
}

/** The lexicon as the recogniser reads it: every name of an artefact or topic, with what it names. */
export function lexiconTerms(catalog: Catalog): Array<[string, string]> {
  return [
    ...Object.entries(catalog.lexicon.artefacts).flatMap(([artefact, terms]) => terms.map((t): [string, string] => [t.term, artefact])),
    ...Object.entries(catalog.lexicon.topics).flatMap(([topic, { terms }]) => terms.map((t): [string, string] => [t.term, `topic:${topic}`])),
  ];
}

export function compileRecognition(catalog: Catalog): RecognitionIndex {
  return buildIndex(
    compiledPages(catalog).flatMap((page) =>
      page.paths.map((path) => ({
        page: page.id,
        portal: page.portal,
        path,
        hosts: page.hosts,
        ...(page.except_paths.length > 0 ? { except: page.except_paths } : {}),
        ...(page.signals ? { signals: page.signals } : {}),
        ...(page.forms
          ? { forms: { artefacts: [...new Set(page.serves.map((s) => s.artefact))], ...(page.forms.keys ? { keys: page.forms.keys } : {}), ...(page.forms.required ? { required: true } : {}) } }
          : {}),
      })),
    ),
    lexiconTerms(catalog),
  );
}

export interface CompiledHosts {
  /** Host permissions asked for at install: federal and regional portals. */
  install: string[];
  /** Optional host permissions: commune sites (e-guichets, product pages, booking), asked for on demand. */
  onDemand: string[];
  /** Of the on-demand hosts, the commune booking sites (their own content script, with the guide). */
  booking: string[];
  /** The install-time content script's matches: the catalog's paths on the install hosts. */
  matches: string[];
}

/** Host permissions and the content script's path-scoped matches for the manifest. */
export function compileHosts(catalog: Catalog): CompiledHosts {
  const pages = compiledPages(catalog);
  const collect = (access: 'install' | 'on-demand') => [...new Set(pages.filter((p) => p.access === access).flatMap((p) => p.hosts.map(originOf)))].sort();
  const install = collect('install');
  const matches = [...new Set(pages.filter((p) => p.access === 'install').flatMap((p) => p.hosts.flatMap((h) => matchPatterns(h, p.paths))))].sort();
  const booking = bookingSites({ pages });
  return { install, onDemand: collect('on-demand').filter((h) => !install.includes(h)), booking, matches };
}

export function catalogStats(catalog: Catalog) {
  const pages = compiledPages(catalog);
  const hosts = new Set(pages.flatMap((page) => page.hosts));
  return {
    procedures: catalog.procedures.length,
    artefacts: catalog.artefacts.length,
    sources: catalog.artefacts.reduce((n, a) => n + a.sources.length, 0),
    portals: catalog.portals.length,
    bookingPlatforms: catalog.platforms.length,
    consulates: catalog.consulates.length,
    portalPages: catalog.portals.reduce((n, p) => n + p.pages.length, 0),
    communes: catalog.communes.length,
    communesWithWebsite: catalog.communes.filter((c) => c.website).length,
    communesWithEguichet: catalog.communes.filter((c) => c.eguichet).length,
    communesWithBooking: catalog.communes.filter((c) => c.booking.length > 0).length,
    lexiconTerms: lexiconTerms(catalog).length,
    hosts: hosts.size,
  };
}
