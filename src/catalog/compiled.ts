/**
 * The compiled catalog's types, free of zod, so the background and extension pages can use the
 * catalog without the schema library. The content script does not import this: it only gets the
 * recognition index and asks the background for the rest.
 */
import type { Procedure, Artefact, Portal, PortalPage, Commune, LocalText, ProvenanceLabel, BookingPlatform, Consulate, Intent } from './schema';

/** Bumped whenever the compiled shape changes. */
export const COMPILED_FORMAT = 2;

export type { Procedure, Artefact, PortalPage, Commune, LocalText, BookingPlatform, Consulate };
export type { Source, Money, Duration, RequirementNode, Condition, ProvenanceLabel, Intent } from './schema';
export type CompiledPortal = Omit<Portal, 'pages'> & { pages: string[] };
/** A page with its hosts made concrete (commune data applied) and its portal's access. */
export type CompiledPage = PortalPage & { portal: string; access: Portal['access'] };

export interface CompiledCatalog {
  format: number;
  procedures: Procedure[];
  artefacts: Artefact[];
  portals: CompiledPortal[];
  pages: CompiledPage[];
  communes: Commune[];
  /** Host of a commune's own site (tenant, website) → that commune's id. */
  hostCommunes: Record<string, string>;
  /** The lexicon's topics (kinds of page that name no one document), by id. */
  topics: Record<string, LocalText>;
  /**
   * The booking platforms, described once. Those guided in the page also appear in `portals` and
   * `pages` (one page per platform, its hosts filled with the tenants that use it), so recognition and
   * the panel treat them like any portal page.
   */
  platforms?: BookingPlatform[];
  /** Optional, like `provenance`, so that a hand-made catalog (a test) may leave the booking data out. */
  consulates?: Consulate[];
  /** The human names of the seed documents; optional so that a hand-made catalog (a test) may leave it out. */
  provenance?: ProvenanceLabel[];
  /** The set-up's "What do you want to do?" answers; optional for hand-made catalogs. */
  intents?: Intent[];
}
