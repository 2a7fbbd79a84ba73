/**
 * The user's database: one IndexedDB database in the extension's origin, opened only by the background.
 * This module owns the schema and its migrations, the transaction helpers (one transaction per user
 * action, relaxed durability for everyday writes, strict for imports and wipes) and the translation
 * of storage faults into error codes a user can act on (src/model/errors.ts). When IndexedDB cannot be opened at all (Firefox's
 * "never remember history" mode, a broken profile) the store stays readable-as-empty and refuses every
 * write with `store.unavailable` instead of losing data silently.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { MAX_COLLAPSED_HOSTS, type Appointment, type Dossier, type HistoryEntry, type Progress, type Settings } from '../model/data';
import { AppFailure } from '../model/errors';
import { forgetNationalRegisterNumbers } from './forget';
import type { StoreStatus } from '../model/views';

export const DB_NAME = 'be-civic';

/** Attachment bytes, apart from the metadata kept in Progress.attachments. */
export interface AttachmentRecord {
  id: string;
  dossierId: string;
  artefact: string;
  blob: Blob;
}

export interface CivicSchema extends DBSchema {
  dossiers: { key: string; value: Dossier };
  progress: { key: [string, string]; value: Progress; indexes: { byDossier: string } };
  attachments: { key: string; value: AttachmentRecord; indexes: { byDossier: string } };
  appointments: { key: string; value: Appointment; indexes: { byDossier: string } };
  history: { key: number; value: HistoryEntry; indexes: { byDossier: string } };
  settings: { key: string; value: Settings };
}

export type StoreName = StoreNames<CivicSchema>;
export const STORE_NAMES: StoreName[] = ['dossiers', 'progress', 'attachments', 'appointments', 'history', 'settings'];
export const SETTINGS_KEY = 'settings';

export type CivicDB = IDBPDatabase<CivicSchema>;
// Migrations see the database as it was, not as the current schema describes it.
export type UpgradeTx = IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>;
export type Migration = (db: IDBPDatabase<unknown>, tx: UpgradeTx) => Promise<void> | void;

/**
 * MIGRATIONS[n] takes the database from version n to n + 1; the current version is their count.
 * A migration may only await requests of `tx` (anything else lets the upgrade transaction commit
 * early). Each one is tested from every earlier version with real data (src/store/migrations.test.ts);
 * never edit a migration that has shipped, append a new one.
 */
export const MIGRATIONS: Migration[] = [
  // 0 → 1: the initial layout. Progress is keyed by [dossier, artefact]; history ids grow with time,
  // so a dossier's history read through its index comes out in the order it happened.
  (db) => {
    db.createObjectStore('dossiers', { keyPath: 'id' });
    db.createObjectStore('progress', { keyPath: ['dossierId', 'artefact'] }).createIndex('byDossier', 'dossierId');
    db.createObjectStore('attachments', { keyPath: 'id' }).createIndex('byDossier', 'dossierId');
    db.createObjectStore('appointments', { keyPath: 'id' }).createIndex('byDossier', 'dossierId');
    db.createObjectStore('history', { keyPath: 'id', autoIncrement: true }).createIndex('byDossier', 'dossierId');
    db.createObjectStore('settings');
  },
  // 1 → 2: version 1 checked only the dossier's own field, so register numbers could sit in captured
  // values, notes and history records although the user never allowed keeping them: they are masked.
  // And its folded-panel memory grew with every host: only the most recent folded hosts stay.
  async (_db, tx) => {
    const settings = (await tx.objectStore('settings').get(SETTINGS_KEY)) as Settings | undefined;
    if (!settings) return forgetNationalRegisterNumbers(tx);
    const folded = Object.keys(settings.panelCollapsed).filter((host) => settings.panelCollapsed[host]);
    const panelCollapsed = Object.fromEntries(folded.slice(-MAX_COLLAPSED_HOSTS).map((host) => [host, true]));
    await tx.objectStore('settings').put({ ...settings, panelCollapsed }, SETTINGS_KEY);
    if (!settings.keepNationalRegisterNumber) await forgetNationalRegisterNumbers(tx);
  },
];
export const DB_VERSION = MIGRATIONS.length;

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : undefined;
}

/** Our own refusals pass through; storage faults become codes a user can act on. Nothing was written when one is thrown from a write. */
export function translateError(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  const name = errorName(error) ?? 'error';
  if (name === 'QuotaExceededError') return new AppFailure({ code: 'store.quota' });
  return new AppFailure({ code: 'store.failed', params: { detail: name } });
}

const OPEN_FAILURES = new Set(['store.unavailable', 'store.newer-version', 'store.upgrade-failed']);
const isOpenFailure = (error: unknown) => error instanceof AppFailure && OPEN_FAILURES.has(error.code);

/** Any failure to open the database means the store is unavailable: say why. */
function unavailable(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  return new AppFailure({ code: errorName(error) === 'VersionError' ? 'store.newer-version' : 'store.unavailable' });
}

/**
 * Opens (and upgrades) the database. The versionchange transaction runs every pending migration in order.
 * `onGone` is told when the connection stops being usable: another connection upgrades or deletes the
 * database (this one closes to let it through), or the browser closes it (storage cleared, profile closing).
 */
export async function openCivicDB(name = DB_NAME, version = DB_VERSION, migrations: Migration[] = MIGRATIONS, onGone?: () => void): Promise<CivicDB> {
  if (typeof indexedDB === 'undefined') throw new AppFailure({ code: 'store.unavailable' });
  let failure: unknown;
  const db = await openDB<CivicSchema>(name, version, {
    upgrade(database, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      let chain = Promise.resolve();
      for (let v = oldVersion; v < target; v++) {
        const step = migrations[v]!;
        chain = chain.then(() => step(database as IDBPDatabase<unknown>, tx as unknown as UpgradeTx));
      }
      // The open request reports the outcome; this keeps an aborted upgrade from also surfacing as unhandled.
      tx.done.catch(() => undefined);
      chain.catch((error: unknown) => {
        failure = error;
        tx.abort();
      });
    },
    blocking(_current, _next, event) {
      // A newer version is being opened (an update of the extension) or the database deleted: let it through.
      (event.target as IDBDatabase).close();
      onGone?.();
    },
    terminated() {
      onGone?.();
    },
  }).catch((error: unknown) => {
    throw failure !== undefined ? new AppFailure({ code: 'store.upgrade-failed', params: { detail: errorName(failure) ?? String(failure) } }) : error;
  });
  return db;
}

/**
 * The background's access to the database. The connection is a cache, not state: when the worker is
 * stopped it is simply opened again by the next message. A failed open is retried on the next call.
 */
export class Store {
  private connection: Promise<CivicDB> | undefined;

  constructor(readonly name = DB_NAME) {}

  private db(): Promise<CivicDB> {
    if (!this.connection) {
      const connection: Promise<CivicDB> = openCivicDB(this.name, DB_VERSION, MIGRATIONS, () => {
        if (this.connection === connection) this.connection = undefined;
      }).catch((error: unknown) => {
        throw unavailable(error);
      });
      this.connection = connection;
      connection.catch(() => {
        if (this.connection === connection) this.connection = undefined;
      });
    }
    return this.connection;
  }

  /**
   * A transaction on a live connection. A connection can be closed under us without notice (a
   * versionchange seen late, storage cleared): creating a transaction then throws InvalidStateError,
   * so it is dropped and the database opened again, once. Open failures come out as store codes.
   */
  private async transaction<const S extends StoreName[], M extends 'readonly' | 'readwrite'>(stores: S, mode: M, options?: IDBTransactionOptions) {
    for (let attempt = 0; ; attempt++) {
      const connection = this.db();
      const db = await connection;
      try {
        return db.transaction(stores, mode, options);
      } catch (error) {
        if (attempt > 0 || errorName(error) !== 'InvalidStateError') throw translateError(error);
        if (this.connection === connection) this.connection = undefined;
        db.close();
      }
    }
  }

  /** Whether writes can succeed, with the reason when they cannot. */
  async status(): Promise<StoreStatus> {
    try {
      // Not only opened: a transaction really starts on it (a stale connection is replaced here).
      const tx = await this.transaction(['settings'], 'readonly');
      await tx.done;
      return { writable: true };
    } catch (error) {
      return { writable: false, problem: unavailable(error).toAppError() };
    }
  }

  /**
   * A read-only transaction. When the database cannot be opened, `whenUnavailable` is returned instead
   * (the read-only mode: the UI shows empty data and the status message, nothing is lost). Any other
   * storage fault is an error code, as for writes.
   */
  async read<const S extends StoreName[], T>(
    stores: S,
    fn: (tx: IDBPTransaction<CivicSchema, S, 'readonly'>) => Promise<T>,
    whenUnavailable: T,
  ): Promise<T> {
    let tx: IDBPTransaction<CivicSchema, S, 'readonly'>;
    try {
      tx = await this.transaction(stores, 'readonly');
    } catch (error) {
      if (isOpenFailure(error)) return whenUnavailable;
      throw translateError(error);
    }
    try {
      const [result] = await Promise.all([fn(tx), tx.done]);
      return result;
    } catch (error) {
      throw translateError(error);
    }
  }

  /**
   * One user action = one readwrite transaction. `fn` must only await requests of `tx`. If it throws,
   * the transaction is aborted so none of its writes land; storage faults come back as AppFailure codes (store.quota, store.failed).
   */
  async write<const S extends StoreName[], T>(
    stores: S,
    fn: (tx: IDBPTransaction<CivicSchema, S, 'readwrite'>) => Promise<T>,
    durability: 'relaxed' | 'strict' = 'relaxed',
  ): Promise<T> {
    const tx = await this.transaction(stores, 'readwrite', { durability });
    const done = tx.done;
    // Observed below; this keeps an abort from surfacing as an unhandled rejection meanwhile.
    done.catch(() => undefined);
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted by the failed request: nothing was committed either way.
      }
      await done.catch(() => undefined);
      throw translateError(error);
    }
    try {
      await done;
    } catch (error) {
      throw translateError(tx.error ?? error);
    }
    return result;
  }

  /** Closes the connection (tests, and before deleting the database). */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) (await connection.catch(() => undefined))?.close();
  }
}
