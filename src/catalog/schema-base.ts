/**
 * The primitives every catalog schema shares (ids, dates, texts, provenance, regions, host and path
 * patterns), in their own module so that the procedure, portal and booking schemas build on them
 * without importing each other. Build time only, like ./schema.
 */
import { z } from 'zod';

export const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by dashes (e.g. id-card-certified-copy)');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A text in the four UI languages; French is required because every seed is French-first. */
export const LocalText = z.strictObject({
  fr: z.string().min(1),
  nl: z.string().min(1).optional(),
  de: z.string().min(1).optional(),
  en: z.string().min(1).optional(),
});

/**
 * Where a fact comes from: a seed document (`seeds/NNN_….txt`) or a public page's URL. Plain http is
 * accepted here (and only here) because a few commune pages were found only at an http address, and a
 * provenance must name the page as it was read.
 */
/**
 * A few facts were seen only in public code whose repository the search could not name: those say
 * so (`unnamed public code: <what was seen>`), and their entries mark the fact unverified in notes.
 */
export const provenanceRef = z
  .string()
  .regex(
    /^(seeds\/\d{3}_[0-9a-f]{16}\.txt|https?:\/\/\S+|unnamed public code: .+)$/,
    'expected seeds/NNN_<hash>.txt, an https:// URL or "unnamed public code: <what was seen>"',
  );
export const provenance = {
  provenance: z.array(provenanceRef).min(1),
  last_verified: isoDate,
  /** For catalog authors only (how a fact was read, what is still unverified): never shown to users. */
  remarks: z.string().min(1).optional(),
};

export const Region = z.enum(['federal', 'brussels', 'wallonia', 'flanders', 'german-community', 'abroad']);

/**
 * Host patterns are bare host names, optionally with a leading `*.` for any sub-domain (never under a
 * public suffix: checked at load), or `[www.]host` for a site that serves both `www.host` and `host`.
 */
export const hostPattern = z
  .string()
  .regex(/^(\*\.|\[www\.\])?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a host without protocol or path, e.g. my.belgium.be, [www.]justonweb.be or *.example.be');
/** Path patterns start with `/`; `*` matches within one segment, `**` across segments. */
export const pathPattern = z.string().regex(/^\/[^\s?#]*$/, 'expected a path starting with /, without query or fragment');
