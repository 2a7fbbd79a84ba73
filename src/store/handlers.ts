/**
 * The background's answers to every message of the protocol. Each user action is one transaction
 * (its change, its history entry and any derived field land together or not at all), content scripts
 * get only their page's slice (see access.ts), and every successful change is announced with a
 * ChangeNotice so open tabs and pages re-read. Browser specifics (tabs, storage estimate, the
 * broadcast itself) come in as dependencies, so this runs unchanged on fake-indexeddb in unit tests.
 */
import type { CompiledCatalog, CompiledPage } from '../catalog/compiled';
import { describePage } from '../catalog/describe';
import { localise, pickLang, type Lang } from '../i18n';
import type { ChangeNotice } from '../messaging/protocol';
import type { DossierDetail, PageState } from '../model/views';
import type { Handlers, SenderInfo } from '../messaging/router';
import { neededArtefacts } from '../dossier/requirements';
import { expiryFor } from '../dossier/validity';
import { isValidNationalRegisterNumber } from '../privacy/nrn';
import { normaliseNationalRegisterNumber } from '../model/nrn';
import { base64ToBytes, bytesToBase64 } from '../model/base64';
import { exportBackup, importBackup } from '../backup/backup';
import { artefactsServedAt, capturesAt, pagesAt } from './access';
import { bookingServicesAt } from '../booking/services';
import { parseAppointmentText } from '../booking/parse';
import { readConfirmation } from '../booking/parse';
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { SETTINGS_KEY, STORE_NAMES, type CivicSchema, type Store } from './db';
import { DEFAULT_SETTINGS, type Appointment, type Dossier, type HistoryEntry, type Progress, type Settings } from '../model/data';
import { PANEL_STRINGS } from '../i18n/panel';

type AllStoresTx = IDBPTransaction<CivicSchema, Array<'dossiers' | 'progress' | 'attachments' | 'appointments' | 'history' | 'settings'>, 'readwrite'>;
type AttachmentsStore = IDBPObjectStore<CivicSchema, ['dossiers', 'progress', 'history', 'settings', 'attachments'], 'attachments', 'readwrite'>;

export interface StoreDeps {
  catalog: CompiledCatalog;
  store: Store;
  notify: (notice: ChangeNotice) => void;
  /** Opens the dashboard in a tab; `hash` is '' or starts with '#'. */
  openDashboard: (hash: string) => Promise<void> | void;
  estimate: () => Promise<{ usage: number | null; quota: number | null; persisted: boolean | null }>;
  /** The browser's language preferences, for users who have not picked a language yet. */
  languages?: () => readonly string[];
  now?: () => number;
  newId?: () => string;
}

const refused = (message: string): never => {
  throw new Error(message);
};

/** Copies `value` without the listed keys (to drop optional fields; the model never stores `undefined`). */
function without<T extends object>(value: T, keys: readonly string[]): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as T;
}

/**
 * The calendar day in a captured text: numeric dates (YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY)
 * or written ones ("12 mars 2026", "3 maart 2026"…), also inside a longer selection such as
 * "Délivré le 12/03/2026". Impossible days are refused. One parser for every date Be Civic reads.
 */
const parseDay = (text: string): string | undefined => parseAppointmentText(text)?.date;

export function createHandlers(deps: StoreDeps): Handlers {
  const { catalog, store } = deps;
  const now = deps.now ?? (() => Date.now());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const languages = deps.languages ?? (() => (typeof navigator === 'undefined' ? [] : navigator.languages));

  const artefactOf = (id: string) => catalog.artefacts.find((a) => a.id === id);
  const procedureOf = (id: string) => catalog.procedures.find((p) => p.id === id);

  function announce(stores: ChangeNotice['stores'], dossierId?: string) {
    deps.notify({ kind: 'be-civic:changed', stores, ...(dossierId ? { dossierId } : {}) });
  }

  /** A content script may only touch an artefact that a catalog page at its tab's URL serves. */
  function checkSlice(type: string, sender: SenderInfo, artefact: string): void {
    if (sender.fromExtensionPage) return;
    if (!artefactsServedAt(catalog, sender.tabUrl).has(artefact)) refused(`${type}: this page does not serve "${artefact}", so it cannot change it`);
  }

  function checkArtefact(artefact: string, source?: string) {
    const known = artefactOf(artefact) ?? refused(`unknown document "${artefact}"`);
    if (source !== undefined && !known.sources.some((s) => s.id === source)) refused(`"${source}" is not a way to obtain "${artefact}"`);
    return known;
  }

  function freshProgress(dossierId: string, artefact: string): Progress {
    return { dossierId, artefact, status: 'not-started', captured: {}, attachments: [], updatedAt: now() };
  }

  function withExpiry(progress: Progress): Progress {
    if (!progress.issuedOn) return without(progress, ['expiresOn']);
    const expiresOn = expiryFor(artefactOf(progress.artefact)?.validity, progress.issuedOn);
    return expiresOn ? { ...progress, expiresOn } : without(progress, ['expiresOn']);
  }

  async function settingsIn(tx: { objectStore(name: 'settings'): { get(key: string): Promise<Settings | undefined> } }): Promise<Settings> {
    return (await tx.objectStore('settings').get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
  }

  /** Checks and normalises a national register number the user wants stored. */
  function acceptNrn(settings: Settings, value: string): string {
    if (!settings.keepNationalRegisterNumber) {
      refused('Be Civic does not keep national register numbers unless you allow it in the settings; nothing was saved.');
    }
    const digits = normaliseNationalRegisterNumber(value);
    if (!digits || !isValidNationalRegisterNumber(digits)) refused('This is not a valid national register number (its check digits do not match); nothing was saved.');
    return digits!;
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
      if (dossier === undefined) refused(`unknown dossier "${dossierId}"`);
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

  /** Removes a dossier and everything that belongs to it, its history included, within `tx`. */
  async function removeDossier(tx: AllStoresTx, id: string): Promise<void> {
    await tx.objectStore('dossiers').delete(id);
    for (const name of ['progress', 'attachments', 'appointments', 'history'] as const) {
      const keys = await tx.objectStore(name).index('byDossier').getAllKeys(id);
      await Promise.all(keys.map((key) => tx.objectStore(name).delete(key as never)));
    }
    const settings = await settingsIn(tx);
    if (settings.activeDossier === id) await tx.objectStore('settings').put(without(settings, ['activeDossier']), SETTINGS_KEY);
  }

  async function pageState(pageId: string, sender: SenderInfo): Promise<PageState> {
    const page: CompiledPage = catalog.pages.find((p) => p.id === pageId) ?? refused(`unknown page "${pageId}"`);
    if (!sender.fromExtensionPage && !pagesAt(catalog, sender.tabUrl).some((p) => p.id === pageId)) {
      refused(`page:state: this tab is not on the page "${pageId}"`);
    }
    const served = new Set(page.serves.map((s) => s.artefact));
    const { writable, problem } = await store.status();
    // Only the progress records of the artefacts this page serves are read: that is the page's slice.
    const data = await store.read(
      ['settings', 'dossiers', 'progress'],
      async (tx) => {
        const [settings, dossiers] = await Promise.all([settingsIn(tx), tx.objectStore('dossiers').getAll()]);
        const keys = dossiers.flatMap((d) => [...served].map((a) => [d.id, a] as [string, string]));
        const records = await Promise.all(keys.map((key) => tx.objectStore('progress').get(key)));
        const progress = new Map(records.flatMap((p) => (p ? [[`${p.dossierId}/${p.artefact}`, p] as const] : [])));
        return { settings, dossiers, progress };
      },
      { settings: DEFAULT_SETTINGS, dossiers: [] as Dossier[], progress: new Map<string, Progress>() },
    );
    const lang: Lang = data.settings.lang ?? pickLang(languages());
    let host: string | undefined;
    try {
      host = sender.tabUrl ? new URL(sender.tabUrl).hostname : undefined;
    } catch {
      host = undefined;
    }
    const dossiers = data.dossiers.flatMap((dossier) => {
      const procedure = procedureOf(dossier.procedure);
      if (!procedure) return [];
      const seen = new Set<string>();
      const needs = neededArtefacts(procedure, dossier)
        .filter((need) => served.has(need.artefact) && !seen.has(need.artefact) && seen.add(need.artefact))
        .map((need) => {
          const progress = data.progress.get(`${dossier.id}/${need.artefact}`);
          const label = need.requirement ?? artefactOf(need.artefact)?.title ?? { fr: need.artefact };
          return { artefact: need.artefact, requirement: localise(label, lang), ...(progress ? { progress } : {}) };
        });
      if (needs.length === 0) return [];
      return [{ id: dossier.id, label: dossier.label, procedure: dossier.procedure, procedureTitle: localise(procedure.title, lang), needs }];
    });
    const bookings = page.role === 'booking' && host ? bookingServicesAt(catalog, host, data.dossiers, lang) : [];
    return {
      lang,
      ...(writable ? {} : { storageProblem: problem }),
      collapsed: host ? (data.settings.panelCollapsed[host] ?? false) : false,
      ...(data.settings.activeDossier ? { activeDossier: data.settings.activeDossier } : {}),
      dossiers,
      ...(bookings.length > 0 ? { bookings } : {}),
    };
  }

  async function dossierDetail(id: string): Promise<DossierDetail> {
    const detail = await store.read(
      ['dossiers', 'progress', 'appointments', 'history'],
      async (tx) => {
        const dossier = await tx.objectStore('dossiers').get(id);
        if (!dossier) return undefined;
        const [progress, appointments, history] = await Promise.all([
          tx.objectStore('progress').index('byDossier').getAll(id),
          tx.objectStore('appointments').index('byDossier').getAll(id),
          tx.objectStore('history').index('byDossier').getAll(id),
        ]);
        return { dossier, progress, appointments, history };
      },
      undefined,
    );
    return detail ?? refused(`unknown dossier "${id}"`);
  }

  return {
    'page:describe': ({ page, lang }) => describePage(catalog, page, lang),
    'panel:strings': ({ lang }) => PANEL_STRINGS[lang],
    'page:state': ({ page }, sender) => pageState(page, sender),
    'booking:read': ({ text }) => readConfirmation(text),

    'panel:collapse': async ({ collapsed }, sender) => {
      let host: string;
      try {
        host = new URL(sender.tabUrl ?? '').hostname;
      } catch {
        return refused('panel:collapse needs the tab of a portal page');
      }
      await store.write(['settings'], async (tx) => {
        const settings = await settingsIn(tx);
        await tx.objectStore('settings').put({ ...settings, panelCollapsed: { ...settings.panelCollapsed, [host]: collapsed } }, SETTINGS_KEY);
      });
      announce(['settings']);
      return null;
    },

    'dashboard:open': async ({ setup, dossierId }) => {
      // The dashboard routes on its hash, like the welcome page's `#setup`.
      await deps.openDashboard(setup ? '#setup' : dossierId ? `#dossier=${encodeURIComponent(dossierId)}` : '');
      return null;
    },

    'progress:set-status': async ({ dossierId, artefact, status, source }, sender) => {
      checkSlice('progress:set-status', sender, artefact);
      checkArtefact(artefact, source);
      return changeProgress(dossierId, artefact, (current) => ({ ...current, status, ...(source ? { source } : {}) }));
    },

    'progress:capture': async ({ dossierId, artefact, field, value, page }, sender) => {
      checkSlice('progress:capture', sender, artefact);
      checkArtefact(artefact);
      let kind: string | undefined;
      if (!sender.fromExtensionPage) {
        kind = capturesAt(catalog, sender.tabUrl).get(field) ?? refused(`progress:capture: this page has no field "${field}" to capture`);
        if (page !== undefined && !pagesAt(catalog, sender.tabUrl).some((p) => p.id === page)) refused(`progress:capture: this tab is not on the page "${page}"`);
      } else {
        kind = catalog.pages.flatMap((p) => p.capture).find((c) => c.id === field)?.kind;
      }
      if (kind === 'national-register-number') {
        // Never kept among captured values: it goes to the dossier, and only if the user allowed it.
        const saved = await store.write(['dossiers', 'progress', 'history', 'settings'], async (tx) => {
          const dossier = (await tx.objectStore('dossiers').get(dossierId)) ?? refused(`unknown dossier "${dossierId}"`);
          const digits = acceptNrn(await settingsIn(tx), value);
          const after = { ...dossier, nationalRegisterNumber: digits, updatedAt: now() };
          await tx.objectStore('dossiers').put(after);
          await tx.objectStore('history').add({ dossierId, at: after.updatedAt, store: 'dossiers', key: dossierId, before: dossier, after });
          return (await tx.objectStore('progress').get([dossierId, artefact])) ?? freshProgress(dossierId, artefact);
        });
        announce(['dossiers'], dossierId);
        return saved;
      }
      const day = kind === 'date-of-issue' || kind === 'expiry-date' ? parseDay(value) : undefined;
      if ((kind === 'date-of-issue' || kind === 'expiry-date') && !day) refused(`"${value}" is not a date Be Civic can read (expected e.g. 2026-03-14 or 14/03/2026)`);
      const at = now();
      return changeProgress(dossierId, artefact, (current) => ({
        ...current,
        captured: { ...current.captured, [field]: { value, capturedAt: at, ...(page ? { page } : {}) } },
        ...(kind === 'date-of-issue' ? { issuedOn: day } : {}),
      }));
    },

    'progress:update': async ({ dossierId, artefact, patch }) => {
      checkArtefact(artefact, patch.source);
      return changeProgress(dossierId, artefact, (current) => {
        const next: Progress = { ...current };
        if (patch.status) next.status = patch.status;
        if (patch.source) next.source = patch.source;
        if (patch.notes !== undefined) next.notes = patch.notes;
        if (patch.issuedOn === null) return without(next, ['issuedOn']);
        if (patch.issuedOn !== undefined) {
          if (!parseDay(patch.issuedOn)) refused(`"${patch.issuedOn}" is not a real day`);
          next.issuedOn = patch.issuedOn;
        }
        return next;
      });
    },

    'attachment:add': async ({ dossierId, artefact, name, type, base64 }) => {
      checkArtefact(artefact);
      const bytes = base64ToBytes(base64) ?? refused('attachment:add: the file content is not valid base64');
      const id = newId();
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
      const meta = { id, name, type, size: blob.size, addedAt: now() };
      return changeProgress(
        dossierId,
        artefact,
        (current) => ({ ...current, attachments: [...current.attachments, meta] }),
        (attachments) => attachments.put({ id, dossierId, artefact, blob }),
      );
    },

    'attachment:get': async ({ id }) => {
      const found = await store.read(
        ['attachments', 'progress'],
        async (tx) => {
          const record = await tx.objectStore('attachments').get(id);
          if (!record) return undefined;
          const progress = await tx.objectStore('progress').get([record.dossierId, record.artefact]);
          return { record, meta: progress?.attachments.find((a) => a.id === id) };
        },
        undefined,
      );
      if (!found) return refused(`unknown attachment "${id}"`);
      const bytes = new Uint8Array(await found.record.blob.arrayBuffer());
      return { name: found.meta?.name ?? id, type: found.record.blob.type, base64: bytesToBase64(bytes) };
    },

    'attachment:remove': async ({ dossierId, artefact, id }) => {
      return changeProgress(
        dossierId,
        artefact,
        (current) => {
          if (!current.attachments.some((a) => a.id === id)) refused(`no attachment "${id}" on this document`);
          return { ...current, attachments: current.attachments.filter((a) => a.id !== id) };
        },
        (attachments) => attachments.delete(id),
      );
    },

    'catalog:procedures': ({ lang }) => catalog.procedures.map((p) => ({ id: p.id, title: localise(p.title, lang) })),

    'dossier:list': () => store.read(['dossiers'], (tx) => tx.objectStore('dossiers').getAll(), []),
    'dossier:get': ({ id }) => dossierDetail(id),

    'dossier:create': async (request) => {
      if (!procedureOf(request.procedure)) refused(`unknown procedure "${request.procedure}"`);
      if (request.commune && !catalog.communes.some((c) => c.id === request.commune)) refused(`unknown commune "${request.commune}"`);
      const at = now();
      const dossier: Dossier = { ...request, id: newId(), createdAt: at, updatedAt: at };
      await store.write(['dossiers', 'history', 'settings'], async (tx) => {
        const settings = await settingsIn(tx);
        if (dossier.nationalRegisterNumber) dossier.nationalRegisterNumber = acceptNrn(settings, dossier.nationalRegisterNumber);
        await tx.objectStore('dossiers').add(dossier);
        await tx.objectStore('history').add({ dossierId: dossier.id, at, store: 'dossiers', key: dossier.id, before: null, after: dossier });
      });
      announce(['dossiers'], dossier.id);
      return dossier;
    },

    'dossier:update': async ({ id, patch, clear }) => {
      if (patch.commune && !catalog.communes.some((c) => c.id === patch.commune)) refused(`unknown commune "${patch.commune}"`);
      const saved = await store.write(['dossiers', 'history', 'settings'], async (tx) => {
        const before = (await tx.objectStore('dossiers').get(id)) ?? refused(`unknown dossier "${id}"`);
        const settings = await settingsIn(tx);
        const after: Dossier = without({ ...before, ...patch, updatedAt: now() }, clear ?? []);
        if (patch.nationalRegisterNumber) after.nationalRegisterNumber = acceptNrn(settings, patch.nationalRegisterNumber);
        await tx.objectStore('dossiers').put(after);
        await tx.objectStore('history').add({ dossierId: id, at: after.updatedAt, store: 'dossiers', key: id, before, after });
        return after;
      });
      announce(['dossiers'], id);
      return saved;
    },

    'dossier:delete': async ({ id }) => {
      await store.write(['dossiers', 'progress', 'attachments', 'appointments', 'history', 'settings'], async (tx) => {
        if (!(await tx.objectStore('dossiers').get(id))) refused(`unknown dossier "${id}"`);
        await removeDossier(tx, id);
      });
      announce(['all'], id);
      return null;
    },

    'appointment:save': async (request, sender) => {
      if (!sender.fromExtensionPage && !pagesAt(catalog, sender.tabUrl).some((p) => p.role === 'booking')) {
        refused('appointment:save is only accepted from a booking page');
      }
      if (request.commune && !catalog.communes.some((c) => c.id === request.commune)) refused(`unknown commune "${request.commune}"`);
      const saved = await store.write(['dossiers', 'appointments', 'history'], async (tx) => {
        if (!(await tx.objectStore('dossiers').get(request.dossierId))) refused(`unknown dossier "${request.dossierId}"`);
        const before = (await tx.objectStore('appointments').get(request.id)) ?? null;
        if (before && !sender.fromExtensionPage) refused('a portal page may add an appointment, not change an existing one');
        if (before && before.dossierId !== request.dossierId) refused('this appointment belongs to another dossier');
        const after: Appointment = { ...request, createdAt: before?.createdAt ?? now() };
        await tx.objectStore('appointments').put(after);
        await tx.objectStore('history').add({ dossierId: after.dossierId, at: now(), store: 'appointments', key: after.id, before, after });
        return after;
      });
      announce(['appointments'], saved.dossierId);
      return saved;
    },

    'appointment:delete': async ({ id }) => {
      const dossierId = await store.write(['appointments', 'history'], async (tx) => {
        const before = (await tx.objectStore('appointments').get(id)) ?? refused(`unknown appointment "${id}"`);
        await tx.objectStore('appointments').delete(id);
        await tx.objectStore('history').add({ dossierId: before.dossierId, at: now(), store: 'appointments', key: id, before, after: null });
        return before.dossierId;
      });
      announce(['appointments'], dossierId);
      return null;
    },

    'history:undo': async ({ dossierId }) => {
      const undone = await store.write(['dossiers', 'progress', 'attachments', 'appointments', 'history', 'settings'], async (tx) => {
        let cursor = await tx.objectStore('history').index('byDossier').openCursor(dossierId, 'prev');
        while (cursor && (cursor.value.undone || cursor.value.undoOf !== undefined)) cursor = await cursor.continue();
        if (!cursor) return null;
        const entry = cursor.value;
        const reverted = { ...entry, undone: true } satisfies HistoryEntry;
        if (entry.store === 'dossiers' && entry.before === null) {
          // Undoing the creation: every later change is undone already, so the dossier simply goes.
          await removeDossier(tx, dossierId);
          return reverted;
        }
        const settings = await settingsIn(tx);
        const record = (entry.after ?? entry.before) as { id?: string; dossierId: string; artefact?: string };
        const key = entry.store === 'progress' ? [record.dossierId, record.artefact] : record.id;
        const target = tx.objectStore(entry.store);
        const current = ((await target.get(key as never)) ?? null) as unknown;
        let restored = entry.before as Dossier | Progress | Appointment | null;
        if (entry.store === 'progress') {
          // Bytes removed since then are gone, so the restored record lists only files that still exist;
          // bytes added by the change being undone go with it.
          const attachmentsStore = tx.objectStore('attachments');
          const kept = (restored as Progress | null)?.attachments ?? [];
          const present = await Promise.all(kept.map((a) => attachmentsStore.getKey(a.id)));
          if (restored) restored = { ...(restored as Progress), attachments: kept.filter((_, i) => present[i] !== undefined) };
          const keptIds = new Set(kept.map((a) => a.id));
          for (const added of (current as Progress | null)?.attachments ?? []) if (!keptIds.has(added.id)) await attachmentsStore.delete(added.id);
        }
        if (entry.store === 'dossiers' && restored && !settings.keepNationalRegisterNumber) restored = without(restored as Dossier, ['nationalRegisterNumber']);
        if (restored) await target.put(restored as never);
        else await target.delete(key as never);
        await tx.objectStore('history').put(reverted);
        await tx.objectStore('history').add({ dossierId, at: now(), store: entry.store, key: entry.key, before: current, after: restored, undoOf: entry.id });
        return reverted;
      });
      if (undone) announce(undone.store === 'dossiers' && undone.before === null ? ['all'] : [undone.store], dossierId);
      return { undone };
    },

    'settings:get': () => store.read(['settings'], (tx) => settingsIn(tx), DEFAULT_SETTINGS),

    'settings:update': async (patch) => {
      const saved = await store.write(['settings', 'dossiers', 'history'], async (tx) => {
        const settings = await settingsIn(tx);
        if (patch.activeDossier && !(await tx.objectStore('dossiers').getKey(patch.activeDossier))) refused(`unknown dossier "${patch.activeDossier}"`);
        const next: Settings = { ...settings, ...patch };
        if (settings.keepNationalRegisterNumber && !next.keepNationalRegisterNumber) {
          // The user withdrew their permission: forget every stored number, in the history too.
          const strip = (value: unknown) =>
            value && typeof value === 'object' && 'nationalRegisterNumber' in value ? without(value as Dossier, ['nationalRegisterNumber']) : value;
          for (const dossier of await tx.objectStore('dossiers').getAll()) {
            if (dossier.nationalRegisterNumber) await tx.objectStore('dossiers').put(strip(dossier) as Dossier);
          }
          let cursor = await tx.objectStore('history').openCursor();
          while (cursor) {
            const entry = cursor.value;
            if (entry.store === 'dossiers') await cursor.update({ ...entry, before: strip(entry.before), after: strip(entry.after) });
            cursor = await cursor.continue();
          }
        }
        await tx.objectStore('settings').put(next, SETTINGS_KEY);
        return next;
      });
      announce(['settings', 'dossiers']);
      return saved;
    },

    'storage:estimate': () => deps.estimate(),
    'store:status': () => store.status(),

    'backup:export': async () => {
      const json = await exportBackup(store, now());
      return { json, filename: `be-civic-backup-${new Date(now()).toISOString().slice(0, 10)}.json` };
    },

    'backup:import': async ({ json }) => {
      const counts = await importBackup(store, json);
      announce(['all']);
      return counts;
    },

    'data:wipe': async () => {
      await store.write([...STORE_NAMES], async (tx) => {
        await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
      }, 'strict');
      announce(['all']);
      return null;
    },
  };
}
