/**
 * What a content script may see and change: only the slice of the user's data that the page it runs
 * on needs. The background decides from the sender tab's URL (never from what the message claims),
 * matching it against the compiled catalog's pages by host and path. Pages that the recogniser tells
 * apart by DOM signals are matched here by URL alone, which can only widen the slice to pages sharing
 * that URL, never to another site.
 */
import type { CompiledCatalog, CompiledPage } from '../catalog/compiled';
import { hostMatches, pathMatches } from '../recognise';

export function pagesAt(catalog: CompiledCatalog, url: string | undefined): CompiledPage[] {
  if (!url) return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.protocol !== 'https:') return [];
  const host = parsed.hostname.toLowerCase();
  return catalog.pages.filter((page) => page.hosts.some((h) => hostMatches(h, host)) && page.paths.some((p) => pathMatches(p, parsed.pathname)));
}

/** The artefacts the catalog pages at this URL serve. */
export function artefactsServedAt(catalog: CompiledCatalog, url: string | undefined): Set<string> {
  return new Set(pagesAt(catalog, url).flatMap((page) => page.serves.map((s) => s.artefact)));
}

/** The capture fields (by id, with their kind) the catalog pages at this URL declare. */
export function capturesAt(catalog: CompiledCatalog, url: string | undefined): Map<string, string> {
  return new Map(pagesAt(catalog, url).flatMap((page) => page.capture.map((c) => [c.id, c.kind] as const)));
}
