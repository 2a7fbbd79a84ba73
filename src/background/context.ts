/**
 * What every background service shares: its dependencies (the catalog, the store, the browser's
 * tabs and storage estimate come in from entrypoints/background.ts, so the services run unchanged on
 * fake-indexeddb in unit tests), the change announcement, and the few rules more than one feature
 * applies — reading the settings in a transaction, a document's derived expiry, the national register
 * number's opt-in, and the one read-modify-write of a progress record.
 */
import type { IDBPObjectStore } from 'idb';
import type { CompiledCatalog } from '../catalog/compiled';
import { parseAppointmentText } from '../booking/core/parse';
import { expiryFor } from '../dossier/validity';
import type { ChangeNotice } from '../messaging/protocol';
import type { Progress, Settings } from '../model/data';
import { DEFAULT_SETTINGS } from '../model/data';
import { refuse } from '../model/errors';
import { normaliseNationalRegisterNumber } from '../model/nrn';
import type { StorageEstimate } from '../model/views';
import { isValidNationalRegisterNumber, maskNationalRegisterNumbers, nationalRegisterNumberPaths } from '../privacy/nrn';
import { SETTINGS_KEY, type CivicSchema, type Store } from '../store/db';

export interface ServiceDeps {
  catalog: CompiledCatalog;
  store: Store;
  notify: (notice: ChangeNotice) => void;
  /** Opens the dashboard in a tab; `hash` is '' or starts with '#'. */
  openDashboard: (hash: string) => Promise<void> | void;
  estimate: () => Promise<StorageEstimate>;
  /** The browser's language preferences, for users who have not picked a language yet. */
  languages?: () => readonly string[];
  now?: () => number;
  newId?: () => string;
}

type AttachmentsStore = IDBPObjectStore<CivicSchema, ['dossiers', 'progress', 'history', 'settings', 'attachments'], 'attachments', 'readwrite'>;

/** Copies `value` without the listed keys (to drop optional fields; the model never stores `undefined`). */
export function without<T extends object>(value: T, keys: readonly string[]): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as T;
}

/**
 * The calendar day in a captured text: numeric dates (YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY)
 * or written ones ("12 mars 2026", "3 maart 2026"…), also inside a longer selection such as
 * "Délivré le 12/03/2026". Impossible days are refused. One parser for every date Be Civic reads.
 */
export const parseDay = (text: string): string | undefined => parseAppointmentText(text)?.date;

export async function settingsIn(tx: { objectStore(name: 'settings'): { get(key: string): Promise<Settings | undefined> } }): Promise<Settings> {
  return (await tx.objectStore('settings').get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
}

/** Checks and normalises a national register number the user wants stored. */
export function acceptNrn(settings: Settings, value: string): string {
  if (!settings.keepNationalRegisterNumber) refuse('nrn.not-allowed');
  const digits = normaliseNationalRegisterNumber(value);
  if (!digits || !isValidNationalRegisterNumber(digits)) refuse('nrn.invalid');
  return digits;
}

/** The dossier's own field, stored with the opt-in only and checked by acceptNrn; every other string is scanned. */
const NRN_FIELD = new Set(['nationalRegisterNumber']);

/** Refuses what the user typed (a note, a label) when it holds a national register number they chose not to keep. */
export function refuseNrnIn(settings: Settings, value: unknown): void {
  if (settings.keepNationalRegisterNumber) return;
  const [field] = nationalRegisterNumberPaths(value, NRN_FIELD);
  if (field !== undefined) refuse('nrn.not-allowed', { field });
}

/**
 * Text taken from a page (a captured selection, a booking confirmation, a file name) with every
 * national register number masked when the user chose not to keep them. A text that was nothing but
 * the number is refused: there is nothing left worth saving.
 */
export function maskNrnIn(settings: Settings, text: string): string {
  if (settings.keepNationalRegisterNumber) return text;
  const masked = maskNationalRegisterNumbers(text);
  if (masked !== text && !/[\p{L}\p{N}]/u.test(maskNationalRegisterNumbers(text, () => ''))) refuse('nrn.not-allowed');
  return masked;
}


export type Context = ReturnType<typeof createContext>;

export function createContext(deps: ServiceDeps) {
  const { catalog, store } = deps;
  const now = deps.now ?? (() => Date.now());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const languages = deps.languages ?? (() => (typeof navigator === 'undefined' ? [] : navigator.languages));

  const artefactOf = (id: string) => catalog.artefacts.find((a) => a.id === id);
  const procedureOf = (id: string) => catalog.procedures.find((p) => p.id === id);

  function announce(stores: ChangeNotice['stores'], dossierId?: string) {
    deps.notify({ kind: 'be-civic:changed', stores, ...(dossierId ? { dossierId } : {}) });
  }

  function checkArtefact(artefact: string, source?: string) {
    const known = artefactOf(artefact) ?? refuse('unknown.artefact', { artefact });
    if (source !== undefined && !known.sources.some((s) => s.id === source)) refuse('unknown.source', { source, artefact });
    return known;
  }

  function checkCommune(commune: string | undefined) {
    if (commune && !catalog.communes.some((c) => c.id === commune)) refuse('unknown.commune', { commune });
  }

  function freshProgress(dossierId: string, artefact: string): Progress {
    return { dossierId, artefact, status: 'not-started', captured: {}, attachments: [], updatedAt: now() };
  }

  function withExpiry(progress: Progress): Progress {
    if (!progress.issuedOn) return without(progress, ['expiresOn']);
    const expiresOn = expiryFor(artefactOf(progress.artefact)?.validity, progress.issuedOn);
    return expiresOn ? { ...progress, expiresOn } : without(progress, ['expiresOn']);
  }

  /**
   * Read-modify-write of one progress record, with its history entry, in one transaction: concurrent
   * writers are serialised by IndexedDB, so no update is lost.
   */
  async function changeProgress(
    dossierId: string,
    artefact: string,
    change: (current: Progress, settings: Settings) => Progress,
    /** Attachment bytes written or removed with the record, in the same transaction. */
    bytes?: (attachments: AttachmentsStore) => Promise<unknown>,
  ): Promise<Progress> {
    const saved = await store.write(['dossiers', 'progress', 'history', 'settings', 'attachments'], async (tx) => {
      // Requests of one transaction run in order anyway; issuing them together saves round trips to the
      // browser's storage process, which is most of a status change's latency.
      const [dossier, stored, settings] = await Promise.all([
        tx.objectStore('dossiers').getKey(dossierId),
        tx.objectStore('progress').get([dossierId, artefact]),
        settingsIn(tx),
      ]);
      if (dossier === undefined) refuse('unknown.dossier', { dossier: dossierId });
      const before = stored ?? null;
      const after = withExpiry({ ...change(before ?? freshProgress(dossierId, artefact), settings), updatedAt: now() });
      await Promise.all([
        tx.objectStore('progress').put(after),
        bytes?.(tx.objectStore('attachments')),
        tx.objectStore('history').add({ dossierId, at: after.updatedAt, store: 'progress', key: `${dossierId}/${artefact}`, before, after }),
      ]);
      return after;
    });
    announce(['progress'], dossierId);
    return saved;
  }

  return { deps, catalog, store, now, newId, languages, artefactOf, procedureOf, announce, checkArtefact, checkCommune, freshProgress, changeProgress };
}
