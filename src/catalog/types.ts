/**
 * The loaded catalog's shape and its problems, apart from the loader so that the loader's helpers
 * (load-booking.ts) can name them without importing the loader back.
 */
import type { Procedure, Artefact, Portal, Commune, BookingPlatform, Consulate, ProvenanceLabel, Intent, Lexicon } from './schema';

export interface CatalogIssue {
  file: string;
  path: string;
  message: string;
}

export interface Catalog {
  procedures: Procedure[];
  artefacts: Artefact[];
  portals: Portal[];
  communes: Commune[];
  /** catalog/lexicon.yaml: what each artefact is called on portals. */
  lexicon: Lexicon;
  /** catalog/booking-platforms/: each booking platform, described once. */
  platforms: BookingPlatform[];
  consulates: Consulate[];
  /** The human names of the seed documents (catalog/provenance.yaml). */
  provenance?: ProvenanceLabel[];
  /** "What do you want to do?" and the procedures each answer leads to (catalog/intents.yaml). */
  intents?: Intent[];
}
