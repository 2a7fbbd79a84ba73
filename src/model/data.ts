/**
 * The user's data, as the background stores it and as backups carry it. The schemas (zod/mini) are the
 * single definition: the database, the protocol and the backup import all validate against them, and
 * every layer takes its types from here (the bottom of the house: this folder imports nothing else).
 * Dates of documents are calendar days (YYYY-MM-DD); moments are epoch milliseconds.
 */
import * as z from 'zod/mini';
import { LANGS } from './lang';

export const STATUSES = ['not-started', 'in-progress', 'requested', 'obtained', 'submitted', 'not-needed'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const Lang = z.enum(LANGS);
const id = z.string().check(z.minLength(1), z.maxLength(200));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));
const moment = z.number().check(z.int(), z.nonnegative());
const shortText = z.string().check(z.maxLength(2_000));
const answer = z.union([z.string().check(z.maxLength(200)), z.number(), z.boolean()]);

export const Dossier = z.strictObject({
  id,
  procedure: id,
  /** Whose dossier this is, in the user's words ("Me", "Amira"…). */
  label: shortText,
  /** Answers to the procedure's set-up questions, by question id. */
  answers: z.record(id, answer),
  /** For each `oneOf` requirement node, the alternative the user follows. */
  choices: z.record(id, id),
  commune: z.optional(id),
  lang: Lang,
  /** ISO 3166-1 alpha-2 of the country that issued the user's foreign documents, when there are any. */
  countryOfIssue: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  plannedSubmission: z.optional(day),
  /** Stored only when the user chose to (settings.keepNationalRegisterNumber); shown masked. */
  nationalRegisterNumber: z.optional(z.string().check(z.regex(/^\d{11}$/))),
  /** The user's own notes on the whole dossier (per-document notes live in Progress). */
  notes: z.optional(z.string().check(z.maxLength(20_000))),
  createdAt: moment,
  updatedAt: moment,
});
export type Dossier = z.infer<typeof Dossier>;

export const CapturedValue = z.strictObject({
  value: shortText,
  capturedAt: moment,
  /** The portal page it was captured on, if any (never the full URL with its query). */
  page: z.optional(id),
});

export const Attachment = z.strictObject({
  id,
  name: shortText,
  type: z.string().check(z.maxLength(200)),
  size: z.number().check(z.int(), z.nonnegative()),
  addedAt: moment,
});
export type Attachment = z.infer<typeof Attachment>;

/** Progress on one artefact of one dossier; key [dossierId, artefact]. Attachment bytes live in their own store. */
export const Progress = z.strictObject({
  dossierId: id,
  artefact: id,
  status: Status,
  source: z.optional(id),
  captured: z.record(id, CapturedValue),
  issuedOn: z.optional(day),
  /** Derived from issuedOn and the artefact's validity window when saved; kept for display and export. */
  expiresOn: z.optional(day),
  notes: z.optional(z.string().check(z.maxLength(20_000))),
  attachments: z.array(Attachment),
  updatedAt: moment,
});
export type Progress = z.infer<typeof Progress>;

export const Appointment = z.strictObject({
  id,
  dossierId: id,
  commune: z.optional(id),
  /** The procedure visit it is for, if known (procedure.visits[].id). */
  visit: z.optional(id),
  service: shortText,
  /** Local date-time, YYYY-MM-DDTHH:mm, in Belgian time. */
  start: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)),
  durationMinutes: z.optional(z.number().check(z.int(), z.positive())),
  place: z.optional(shortText),
  reference: z.optional(shortText),
  notes: z.optional(shortText),
  createdAt: moment,
});
export type Appointment = z.infer<typeof Appointment>;

/** Append-only: one entry per change, with the record before and after, for undo and the timeline. */
export const HistoryEntry = z.strictObject({
  id: z.optional(z.number().check(z.int(), z.positive())),
  dossierId: id,
  at: moment,
  store: z.enum(['dossiers', 'progress', 'appointments']),
  key: z.string(),
  before: z.nullable(z.unknown()),
  after: z.nullable(z.unknown()),
  /** Set on an entry that an undo reverted (the undo itself is a new entry). */
  undone: z.optional(z.boolean()),
  /** On the entry an undo wrote: the id of the entry it reverted. Undo never reverts an undo. */
  undoOf: z.optional(z.number().check(z.int(), z.positive())),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const RECORD_OF_STORE = { dossiers: Dossier, progress: Progress, appointments: Appointment } as const;

/**
 * What is wrong with a history entry's records, as a technical token (`before: invalid-record`,
 * `after: other-dossier`), or undefined: `before` and `after` must each be null or a record its store's
 * schema accepts, belong to the entry's dossier and be the record its key names. Undo writes `before`
 * back, so an entry that fails this (from a tampered backup or an old bug) is never applied.
 */
export function historyEntryProblem(entry: HistoryEntry): string | undefined {
  if (entry.before === null && entry.after === null) return 'no-record';
  for (const side of ['before', 'after'] as const) {
    const value = entry[side];
    if (value === null) continue;
    const parsed = RECORD_OF_STORE[entry.store].safeParse(value);
    if (!parsed.success) return `${side}: invalid-record`;
    const record = parsed.data;
    const owner = 'dossierId' in record ? record.dossierId : record.id;
    if (owner !== entry.dossierId) return `${side}: other-dossier`;
    const key = 'artefact' in record ? `${record.dossierId}/${record.artefact}` : record.id;
    if (key !== entry.key) return `${side}: other-record`;
  }
  return undefined;
}

/** How many hosts the panel remembers as folded: the most recently folded ones. */
export const MAX_COLLAPSED_HOSTS = 200;

export const Settings = z.strictObject({
  lang: z.optional(Lang),
  activeDossier: z.optional(id),
  /** The hosts where the user folded the panel, the most recent last (see rememberCollapsed). */
  panelCollapsed: z
    .record(z.string().check(z.maxLength(253)), z.boolean())
    .check(z.refine((hosts) => Object.keys(hosts).length <= MAX_COLLAPSED_HOSTS, 'too many hosts')),
  keepNationalRegisterNumber: z.boolean(),
  notifications: z.boolean(),
  /** Reminders say the time only, not the procedure or the papers (lock screens). Absent (data of earlier versions): on. */
  discreetNotifications: z.optional(z.boolean()),
});
export type Settings = z.infer<typeof Settings>;
/**
 * The folded-panel memory after the user folds or opens the panel on `host`: an open panel is the
 * default and needs no entry, and only the MAX_COLLAPSED_HOSTS most recent hosts are kept, so a user
 * browsing many portals does not grow the settings (read on every page) without end.
 */
export function rememberCollapsed(hosts: Record<string, boolean>, host: string, collapsed: boolean): Record<string, boolean> {
  const next: Record<string, boolean> = {};
  for (const [known, folded] of Object.entries(hosts)) if (folded && known !== host) next[known] = true;
  if (collapsed) next[host] = true;
  const names = Object.keys(next);
  for (const oldest of names.slice(0, Math.max(0, names.length - MAX_COLLAPSED_HOSTS))) delete next[oldest];
  return next;
}

export const DEFAULT_SETTINGS: Settings = { panelCollapsed: {}, keepNationalRegisterNumber: false, notifications: false, discreetNotifications: true };
