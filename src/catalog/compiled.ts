/**
 * The compiled catalog's types, free of zod, so the background and extension pages can use the
 * catalog without the schema library. The content script does not import this: it only gets the
 * recognition index and asks the background for the rest.
 */
import type { Procedure, Artefact, Portal, PortalPage, Commune, LocalText, Lang } from './schema';

/** Bumped whenever the compiled shape changes. */
export const COMPILED_FORMAT = 2;

export type { Procedure, Artefact, PortalPage, Commune, LocalText, Lang };
export type { Source, Money, Duration, RequirementNode, Condition } from './schema';
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
}
