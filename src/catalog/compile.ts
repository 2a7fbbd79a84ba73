/**
 * Turns the validated catalog into what the extension ships: the full catalog for the background and
 * extension pages, and a small recognition index for the content script (host → first path segment →
 * rules). The manifest's content-script matches and host permissions are derived here too, so the
 * extension can never ask for a host that the catalog does not name.
 */
import type { Catalog } from './load';
import { buildIndex, type RecognitionIndex } from '../recognise';
import type { CompiledCatalog } from './compiled';
import { COMPILED_FORMAT } from './compiled';

export function compileCatalog(catalog: Catalog): CompiledCatalog {
  const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return {
    format: COMPILED_FORMAT,
    procedures: sortById(catalog.procedures),
    artefacts: sortById(catalog.artefacts),
    portals: sortById(catalog.portals).map(({ pages, ...portal }) => ({ ...portal, pages: pages.map((p) => p.id) })),
    pages: sortById(catalog.portals.flatMap((portal) => portal.pages.map((page) => ({ ...page, portal: portal.id })))),
    communes: sortById(catalog.communes),
    provenance: catalog.provenance ?? [],
  };
}

export function compileRecognition(catalog: Catalog): RecognitionIndex {
  return buildIndex(
    catalog.portals.flatMap((portal) =>
      portal.pages.flatMap((page) =>
        page.paths.map((path) => ({ page: page.id, portal: portal.id, path, hosts: page.hosts, ...(page.signals ? { signals: page.signals } : {}) })),
      ),
    ),
  );
}

/** Match patterns for the manifest: install-time hosts, and on-demand hosts (optional permissions). */
export function compileHosts(catalog: Catalog): { install: string[]; onDemand: string[] } {
  const collect = (access: 'install' | 'on-demand') =>
    [...new Set(catalog.portals.filter((p) => p.access === access).flatMap((p) => p.pages.flatMap((page) => page.hosts)))]
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
    portalPages: catalog.portals.reduce((n, p) => n + p.pages.length, 0),
    communes: catalog.communes.length,
    hosts: hosts.size,
  };
}
