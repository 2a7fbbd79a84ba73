/**
 * The compiled catalog's types, free of zod, so the background and extension pages can use the
 * catalog without the schema library. The content script does not import this: it only gets the
 * recognition index and asks the background for the rest.
 */
import type { Procedure, Artefact, Portal, PortalPage, Commune, LocalText, ProvenanceLabel } from './schema';

/** Bumped whenever the compiled shape changes. */
export const COMPILED_FORMAT = 1;

export type { Procedure, Artefact, PortalPage, Commune, LocalText };
export type { Source, Money, Duration, RequirementNode, Condition, ProvenanceLabel } from './schema';
export type CompiledPortal = Omit<Portal, 'pages'> & { pages: string[] };
export type CompiledPage = PortalPage & { portal: string };

export interface CompiledCatalog {
  format: number;
  procedures: Procedure[];
  artefacts: Artefact[];
  portals: CompiledPortal[];
  pages: CompiledPage[];
  communes: Commune[];
  /** The human names of the seed documents; optional so that a hand-made catalog (a test) may leave it out. */
  provenance?: ProvenanceLabel[];
}
