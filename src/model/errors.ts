/**
 * Every refusal and failure the background can answer with, as a code and its parameters: the
 * screens translate it into the user's language (src/i18n), so no English sentence crosses the
 * protocol. Parameters are ids and values for the message, never personal data beyond what the user
 * just typed. Adding a code means adding its text in every language; the type checker holds that.
 */

export const ERROR_CODES = [
  // The message itself (router and protocol).
  /** The message is not an object with a `type` and a `payload`. */
  'message.malformed',
  /** No such message in the protocol. params: type. */
  'message.unknown-type',
  /** The payload does not match the message's schema. params: type, path, issue (zod's wording). */
  'message.invalid',
  // Who sent it (the access policy).
  /** The sender is not this extension (another extension, a web page). */
  'sender.unknown',
  /** A bulk or destructive message came from somewhere else than Be Civic's own pages. params: type. */
  'sender.not-extension-page',
  /** A content script on a host the catalog does not describe. params: type. */
  'sender.not-catalog-page',
  /** The tab is not on the page it asks about. params: page. */
  'slice.wrong-page',
  /** The page does not serve this document, so its panel may not change it. params: artefact. */
  'slice.artefact-not-served',
  /** The page declares no such field to capture. params: field. */
  'slice.field-not-captured',
  /** The message needs the tab of a portal page (to know its host) and came without one. */
  'slice.no-tab',
  /** Appointments are saved from a booking page only. */
  'slice.not-booking-page',
  /** A portal page may add an appointment, never change an existing one. */
  'slice.appointment-exists',
  // References to things that do not exist.
  /** params: dossier. */
  'unknown.dossier',
  /** params: artefact. */
  'unknown.artefact',
  /** The source is not a way to obtain this document. params: source, artefact. */
  'unknown.source',
  /** params: page. */
  'unknown.page',
  /** params: procedure. */
  'unknown.procedure',
  /** params: commune. */
  'unknown.commune',
  /** params: appointment. */
  'unknown.appointment',
  /** No such attached file (on this document, when artefact is given). params: attachment, artefact?. */
  'unknown.attachment',
  // What the user typed or chose.
  /** Not a date Be Civic can read, or not a real day. params: value. */
  'input.invalid-date',
  /** The attached file's content did not arrive intact (not valid base64). */
  'input.invalid-file',
  /** The appointment belongs to another dossier than the one named. */
  'input.appointment-other-dossier',
  /** A national register number, although the settings say not to keep them; nothing was saved. */
  'nrn.not-allowed',
  /** Not a valid national register number (the check digits do not match); nothing was saved. */
  'nrn.invalid',
  /** The change cannot be undone: the record its history kept is damaged or belongs elsewhere; nothing was changed. */
  'history.invalid',
  // Storage.
  /** This browser profile does not let extensions keep data (private window, "never remember history"); read-only mode. */
  'store.unavailable',
  /** The data was saved by a newer Be Civic; update the extension. Nothing was changed. */
  'store.newer-version',
  /** No room left for Be Civic's data; nothing was written. */
  'store.quota',
  /** Saving failed for another reason; nothing was written. params: detail (the browser's error name). */
  'store.failed',
  /** Upgrading the database failed; nothing was changed. params: detail. */
  'store.upgrade-failed',
  // Backups.
  /** Export is impossible: the storage cannot be opened. */
  'backup.nothing-to-export',
  /** The file is not JSON. */
  'backup.not-json',
  /** The file is not a Be Civic backup. */
  'backup.not-a-backup',
  /** The file was made by a newer Be Civic. params: version. */
  'backup.newer-version',
  /** The backup's transfer between the dashboard and the background broke off (the background restarted, a piece is missing); nothing was changed. */
  'backup.transfer-interrupted',
  /** The file is larger than a backup the browser can read at once. params: size (bytes). */
  'backup.too-large',
  /** The file has problems; nothing was changed. params: count, problems (the first ones, joined by "; "; technical paths). */
  'backup.invalid',
  // Anything else.
  /** A bug: something failed that should not. params: detail. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/** An AppError thrown: the background's handlers refuse with it, the clients rethrow a reply's error as one. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number> | undefined;

  constructor(error: AppError) {
    super(error.code);
    this.name = 'AppFailure';
    this.code = error.code;
    this.params = error.params;
  }

  toAppError(): AppError {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }
}

/** Throws the refusal; typed `never` so it reads as an expression (`x ?? refuse(…)`). */
export function refuse(code: ErrorCode, params?: Record<string, string | number>): never {
  throw new AppFailure(params ? { code, params } : { code });
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && (ERROR_CODES as readonly string[]).includes((value as { code: string }).code)
  );
}
