/**
 * Every message between the content script, the extension pages and the background, declared once:
 * its name, who may send it, the schema of its payload (checked by the background on arrival) and the
 * type of its answer. Schemas use zod/mini, the small build of zod; the content script only imports
 * the types of this file (see client.ts), so no schema code ends up in its bundle.
 */
import * as z from 'zod/mini';
import { Appointment, Dossier, Lang, Progress, Settings, Status, type HistoryEntry } from '../model/data';
import type { AppError } from '../model/errors';
import { BACKUP_CHUNK_CHARS, MAX_BACKUP_CHARS } from '../model/transfer';
import type {
  ConfirmationReading,
  DossierDetail,
  GuideTargets,
  ImportCounts,
  PageDescription,
  PageState,
  PanelOpening,
  Recognised,
  PanelStrings,
  ProgressView,
  StorageEstimate,
  StoreStatus,
} from '../model/views';

const lang = Lang;
const id = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * `content`: only the content script in the top frame of a catalog page (recognition, the page's reading).
 * `panel`: only the panel frame, and only for the slice of the page its tab's content script recognised.
 * `page`: only an extension page (dashboard, welcome) may send it — bulk and destructive operations.
 * `panel+page`: the panel frame (for its slice) or an extension page.
 */
export type Origin = 'content' | 'panel' | 'page' | 'panel+page';

const artefactRef = { dossierId: id, artefact: id };
const chunkIndex = z.number().check(z.int(), z.nonnegative(), z.lte(MAX_BACKUP_CHARS));
const empty = z.strictObject({});

export const PROTOCOL = {
  /**
   * Which catalog page the content script's document is: decided here from the sender's own URL and,
   * where the catalog tells pages apart by DOM signals, from what the page shows for those (asked in the
   * answer, then given back as `probe`). Kept per tab for its panel frame. `url` is the document's
   * address now, which a single-page navigation changes before the browser's record of the sender
   * does: it counts only within the sender's own origin.
   */
  'page:recognise': {
    from: 'content',
    request: z.strictObject({
      url: z.string().check(z.maxLength(4_000)),
      /** The content script just created its panel frame: the next frame to ask is the one that speaks for the page. */
      fresh: z.optional(z.boolean()),
      probe: z.optional(
        z.strictObject({
          title: z.string().check(z.maxLength(1_000)),
          headings: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(200)),
          has: z.record(z.string().check(z.maxLength(500)), z.boolean()),
        }),
      ),
    }),
  },
  /** No corner of the viewport is free of the page's primary buttons (or one is again): the panel folds to its tab unless the user opened it. */
  'page:crowded': { from: 'content', request: z.strictObject({ crowded: z.boolean() }) },
  /** The shortcut moved focus into the panel's frame: the frame focuses its heading (and unfolds). */
  'page:focus-panel': { from: 'content', request: empty },
  /** On a booking page: the site's steps and the services' labels to look for. */
  'guide:targets': { from: 'content', request: empty },
  /** On a booking page: which step shows and what of it is on the page, passed on to the panel frame. */
  'guide:seen': {
    from: 'content',
    request: z.strictObject({
      step: z.optional(id),
      found: z.array(z.nullable(z.boolean())).check(z.maxLength(50)),
      fields: z.array(z.strictObject({ at: z.number().check(z.int(), z.gte(0), z.lt(100)), label: z.string().check(z.maxLength(300)) })).check(z.maxLength(50)),
    }),
  },
  /** The panel frame starts: its page, the catalog's texts for it, its words and its slice. */
  'panel:open': { from: 'panel', request: empty },
  /** The catalog's texts for the panel's page, in one language. */
  'page:describe': { from: 'panel', request: z.strictObject({ page: id, lang, form: z.optional(id) }) },
  /**
   * The slice a panel needs: the user's language, dossiers that need what this page serves (or, on one
   * form of a multi-form portal, what `form` serves), their progress on it, and the commune guidance.
   */
  'page:state': { from: 'panel', request: z.strictObject({ page: id, form: z.optional(id) }) },
  /** The panel's own words (labels, statuses, messages) in one language; see PanelStrings in src/model/views.ts, filled in src/i18n/panel.ts. */
  'panel:strings': { from: 'panel', request: z.strictObject({ lang }) },
  /** Remember the panel collapsed or open on this page's host. */
  'panel:collapse': { from: 'panel', request: z.strictObject({ collapsed: z.boolean() }) },
  /** The panel's size, for the content script to fit its frame and place it. */
  'panel:layout': {
    from: 'panel',
    request: z.strictObject({
      // The panel's natural size (the content script caps what it shows and the panel scrolls inside).
      width: z.number().check(z.gte(0), z.lte(100_000)),
      height: z.number().check(z.gte(0), z.lte(100_000)),
      collapsed: z.boolean(),
      /** The catalog's texts are in (no longer the loading shell): the benchmark's "ready". */
      loaded: z.boolean(),
    }),
  },
  /** At the user's click on "Capture selection": the text selected on the page, shown in the panel to confirm. */
  'panel:selection': { from: 'panel', request: empty },
  /** Escape or the shortcut inside the panel: focus goes back to the page. */
  'panel:leave': { from: 'panel', request: empty },
  /** "Show me" in the booking guide: the page scrolls to the service. */
  'panel:show-service': { from: 'panel', request: z.strictObject({ index: z.number().check(z.int(), z.gte(0), z.lt(50)) }) },
  /** On a booking page's confirmation, at the user's click: what its text proposes for the appointment (read from the page by its content script). */
  'booking:read': { from: 'panel', request: empty },
  /** Open the dashboard (optionally on the set-up of a new dossier) in a tab. */
  'dashboard:open': { from: 'panel+page', request: z.strictObject({ setup: z.optional(z.boolean()), dossierId: z.optional(id) }) },

  /** Progress changes; from the panel only for an artefact its page serves. */
  'progress:set-status': { from: 'panel+page', request: z.strictObject({ ...artefactRef, status: Status, source: z.optional(id) }) },
  'progress:capture': {
    from: 'panel+page',
    request: z.strictObject({ ...artefactRef, field: id, value: z.string().check(z.minLength(1), z.maxLength(2_000)), page: z.optional(id) }),
  },
  'progress:update': {
    from: 'page',
    request: z.strictObject({
      ...artefactRef,
      patch: z.strictObject({
        status: z.optional(Status),
        source: z.optional(id),
        issuedOn: z.optional(z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)))),
        notes: z.optional(z.string().check(z.maxLength(20_000))),
      }),
    }),
  },
  'attachment:add': {
    from: 'page',
    request: z.strictObject({ ...artefactRef, name: z.string().check(z.maxLength(300)), type: z.string().check(z.maxLength(200)), base64: z.string().check(z.maxLength(14_000_000)) }),
  },
  'attachment:get': { from: 'page', request: z.strictObject({ id }) },
  'attachment:remove': { from: 'page', request: z.strictObject({ ...artefactRef, id }) },

  'dossier:list': { from: 'page', request: empty },
  'dossier:get': { from: 'page', request: z.strictObject({ id }) },
  'dossier:create': { from: 'page', request: z.omit(Dossier, { id: true, createdAt: true, updatedAt: true }) },
  'dossier:update': {
    from: 'page',
    request: z.strictObject({
      id,
      patch: z.partial(z.omit(Dossier, { id: true, procedure: true, createdAt: true, updatedAt: true })),
      /** Optional fields to remove (JSON cannot carry `undefined`). */
      clear: z.optional(z.array(z.enum(['commune', 'countryOfIssue', 'plannedSubmission', 'nationalRegisterNumber']))),
    }),
  },
  'dossier:delete': { from: 'page', request: z.strictObject({ id }) },
  'appointment:save': { from: 'panel+page', request: z.omit(Appointment, { createdAt: true }) },
  'appointment:delete': { from: 'page', request: z.strictObject({ id }) },
  /** Reverts the dossier's latest change that is not undone yet. */
  'history:undo': { from: 'page', request: z.strictObject({ dossierId: id }) },

  'settings:get': { from: 'page', request: empty },
  'settings:update': { from: 'page', request: z.partial(Settings) },
  'storage:estimate': { from: 'page', request: empty },
  /** Whether the store can save: the dashboard's read-only notice (a panel gets the same in page:state). */
  'store:status': { from: 'page', request: empty },
  /**
   * Backups move in chunks (src/model/transfer.ts), whatever their size: export-begin prepares the
   * file and says how many chunks it has, export-chunk hands out one, export-end lets it go; an import
   * sends the file's text chunk by chunk and import-end checks and restores it as a whole.
   */
  'backup:export-begin': { from: 'page', request: empty },
  'backup:export-chunk': { from: 'page', request: z.strictObject({ transfer: id, index: chunkIndex }) },
  'backup:export-end': { from: 'page', request: z.strictObject({ transfer: id }) },
  'backup:import-begin': { from: 'page', request: z.strictObject({ bytes: z.number().check(z.int(), z.nonnegative()) }) },
  'backup:import-chunk': { from: 'page', request: z.strictObject({ transfer: id, index: chunkIndex, data: z.string().check(z.maxLength(BACKUP_CHUNK_CHARS)) }) },
  'backup:import-end': { from: 'page', request: z.strictObject({ transfer: id, chunks: chunkIndex }) },
  'data:wipe': { from: 'page', request: z.strictObject({ confirm: z.literal(true) }) },
} satisfies Record<string, { from: Origin; request: z.ZodMiniType }>;

export type MessageType = keyof typeof PROTOCOL;
export type RequestOf<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;

export interface ResponseMap {
  'page:recognise': Recognised;
  'page:focus-panel': null;
  'page:crowded': null;
  'guide:targets': GuideTargets;
  'guide:seen': null;
  'panel:open': PanelOpening;
  'page:describe': PageDescription;
  'page:state': PageState;
  'panel:strings': PanelStrings;
  'panel:collapse': null;
  'panel:layout': null;
  'panel:selection': { text: string };
  'panel:leave': null;
  'panel:show-service': null;
  'booking:read': ConfirmationReading;
  'dashboard:open': null;
  'progress:set-status': ProgressView;
  'progress:capture': ProgressView;
  'progress:update': Progress;
  'attachment:add': Progress;
  'attachment:get': { name: string; type: string; base64: string };
  'attachment:remove': Progress;
  'dossier:list': Dossier[];
  'dossier:get': DossierDetail;
  'dossier:create': Dossier;
  'dossier:update': Dossier;
  'dossier:delete': null;
  'appointment:save': Appointment;
  'appointment:delete': null;
  'history:undo': { undone: HistoryEntry | null };
  'settings:get': Settings;
  'settings:update': Settings;
  'storage:estimate': StorageEstimate;
  'store:status': StoreStatus;
  'backup:export-begin': { transfer: string; chunks: number; filename: string };
  'backup:export-chunk': { data: string };
  'backup:export-end': null;
  'backup:import-begin': { transfer: string };
  'backup:import-chunk': null;
  'backup:import-end': ImportCounts;
  'data:wipe': null;
}

/**
 * Broadcast by the background after every change, to extension pages (runtime messages) and to the
 * content scripts of open catalog tabs: listeners re-read what they show.
 */
export interface ChangeNotice {
  kind: 'be-civic:changed';
  dossierId?: string;
  stores: Array<'dossiers' | 'progress' | 'appointments' | 'settings' | 'all'>;
}
export type ResponseOf<T extends MessageType> = ResponseMap[T];

/** What crosses the wire: a named message, and an answer that is either data or an error code. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}
export type Reply<T extends MessageType = MessageType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: AppError };

/** Validates an arrival; never throws. */
export function parseEnvelope(raw: unknown): { ok: true; envelope: Envelope } | { ok: false; error: AppError } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: { code: 'message.malformed' } };
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(PROTOCOL, type)) {
    return { ok: false, error: { code: 'message.unknown-type', params: { type: (JSON.stringify(type) ?? String(type)).slice(0, 60) } } };
  }
  const def = PROTOCOL[type as MessageType];
  const parsed = def.request.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: { code: 'message.invalid', params: { type, path: first?.path.join('.') || 'payload', issue: first?.code ?? 'invalid' } } };
  }
  return { ok: true, envelope: { type: type as MessageType, payload: parsed.data } as Envelope };
}
