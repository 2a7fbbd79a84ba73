/**
 * Backups: everything the user saved, as one versioned JSON file (attachments as base64), and the way
 * back. An import is checked completely — shape, references between records, attachment bytes,
 * national register numbers — before anything is written, then replaces the data in one strict
 * transaction: it lands whole or not at all, and a bad file is answered with its first problems
 * (`backup.invalid`).
 */
import * as z from 'zod/mini';
import { Appointment, DEFAULT_SETTINGS, Dossier, HistoryEntry, historyEntryProblem, Progress, Settings } from '../model/data';
import { SETTINGS_KEY, STORE_NAMES, type AttachmentRecord, type Store } from '../store/db';
import { isValidNationalRegisterNumber, nationalRegisterNumberPaths } from '../privacy/nrn';
import { base64ToBytes, bytesToBase64 } from '../model/base64';
import type { ImportCounts } from '../model/views';
import { AppFailure, refuse, type AppError } from '../model/errors';

export const BACKUP_FORMAT = 'be-civic-backup';
export const BACKUP_VERSION = 1;
/** How many problems a refused import names: enough to fix a file, few enough to read. */
const MAX_PROBLEMS = 5;

const id = z.string().check(z.minLength(1), z.maxLength(200));
const AttachmentData = z.strictObject({ id, dossierId: id, artefact: id, type: z.string().check(z.maxLength(200)), base64: z.string() });

export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number().check(z.int(), z.nonnegative()),
  settings: Settings,
  dossiers: z.array(Dossier),
  progress: z.array(Progress),
  appointments: z.array(Appointment),
  history: z.array(HistoryEntry),
  attachments: z.array(AttachmentData),
});
export type Backup = z.infer<typeof Backup>;

/**
 * The backup file's text, in pieces that joined make the JSON: the records first, then each
 * attachment's base64 as its own piece, so no piece (and no message carrying it) grows with the
 * number of files, and the dashboard can assemble the file as a Blob without one giant string.
 */
export async function exportBackup(store: Store, at: number): Promise<string[]> {
  const data = await store.read(
    [...STORE_NAMES],
    async (tx) => ({
      settings: await tx.objectStore('settings').get(SETTINGS_KEY),
      dossiers: await tx.objectStore('dossiers').getAll(),
      progress: await tx.objectStore('progress').getAll(),
      appointments: await tx.objectStore('appointments').getAll(),
      history: await tx.objectStore('history').getAll(),
      attachments: await tx.objectStore('attachments').getAll(),
    }),
    undefined,
  );
  if (!data) refuse('backup.nothing-to-export');
  const records: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: at,
    settings: data.settings ?? DEFAULT_SETTINGS,
    dossiers: data.dossiers,
    progress: data.progress,
    appointments: data.appointments,
    history: data.history,
    attachments: [],
  };
  // `attachments` is the last key: the text up to its opening bracket, the files, then the closing.
  const head = JSON.stringify(records);
  const pieces = [head.slice(0, -'[]}'.length) + '['];
  for (const [i, a] of data.attachments.entries()) {
    const meta = JSON.stringify({ id: a.id, dossierId: a.dossierId, artefact: a.artefact, type: a.blob.type, base64: '' });
    pieces.push(`${i > 0 ? ',' : ''}${meta.slice(0, -'"}'.length)}`, bytesToBase64(new Uint8Array(await a.blob.arrayBuffer())), '"}');
  }
  pieces.push(']}');
  return pieces;
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '') || 'file';
}

/**
 * A problem is `where: what`, both technical tokens (`progress[1].dossierId: unknown-dossier "x"`):
 * the screen says in the user's language that the file cannot be restored and shows these as detail.
 */
const invalid = (problems: string[]): { ok: false; error: AppError; problems: string[] } => ({
  ok: false,
  error: { code: 'backup.invalid', params: { count: problems.length, problems: problems.join('; ') } },
  problems,
});

/** Everything wrong with `json` as a backup (at most MAX_PROBLEMS), with the decoded attachments when there is nothing wrong. */
export function checkBackup(json: string): { ok: true; backup: Backup; blobs: AttachmentRecord[] } | { ok: false; error: AppError; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: { code: 'backup.not-json' }, problems: [] };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: { code: 'backup.not-a-backup' }, problems: [] };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return { ok: false, error: { code: 'backup.newer-version', params: { version } }, problems: [] };
  }
  const parsed = Backup.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => `${pathText(issue.path)}: ${issue.code}`));
  const backup = parsed.data;
  const problems: string[] = [];
  const problem = (text: string) => problems.length < MAX_PROBLEMS && problems.push(text);
  const unique = (list: Array<{ key: string; where: string }>, what: string) => {
    const seen = new Set<string>();
    for (const { key, where } of list) {
      if (seen.has(key)) problem(`${where}: duplicate-${what} "${key}"`);
      seen.add(key);
    }
  };
  unique(backup.dossiers.map((d, i) => ({ key: d.id, where: `dossiers[${i}]` })), 'dossier');
  unique(backup.progress.map((p, i) => ({ key: `${p.dossierId}/${p.artefact}`, where: `progress[${i}]` })), 'progress');
  unique(backup.appointments.map((a, i) => ({ key: a.id, where: `appointments[${i}]` })), 'appointment');
  unique(backup.history.flatMap((h, i) => (h.id === undefined ? [] : [{ key: String(h.id), where: `history[${i}]` }])), 'history');
  unique(backup.attachments.map((a, i) => ({ key: a.id, where: `attachments[${i}]` })), 'attachment');

  const dossiers = new Set(backup.dossiers.map((d) => d.id));
  backup.dossiers.forEach((d, i) => {
    if (d.nationalRegisterNumber === undefined) return;
    if (!isValidNationalRegisterNumber(d.nationalRegisterNumber)) problem(`dossiers[${i}].nationalRegisterNumber: nrn-invalid`);
    else if (!backup.settings.keepNationalRegisterNumber) problem(`dossiers[${i}].nationalRegisterNumber: nrn-not-allowed`);
  });
  const belongs = (list: Array<{ dossierId: string }>, name: string) =>
    list.forEach((r, i) => dossiers.has(r.dossierId) || problem(`${name}[${i}].dossierId: unknown-dossier "${r.dossierId}"`));
  belongs(backup.progress, 'progress');
  belongs(backup.appointments, 'appointments');
  belongs(backup.history, 'history');
  backup.history.forEach((h, i) => {
    const wrong = historyEntryProblem(h);
    if (wrong) problem(`history[${i}].${wrong}`);
  });
  if (!backup.settings.keepNationalRegisterNumber) {
    // The settings say no number is kept: none may hide in a captured value, a note, an appointment or
    // a record the history keeps for undo (the dossiers' own field is checked above).
    const records = { dossiers: backup.dossiers, progress: backup.progress, appointments: backup.appointments, history: backup.history } as const;
    for (const [name, list] of Object.entries(records)) {
      list.forEach((record, i) => {
        const skip = new Set(name === 'dossiers' ? ['nationalRegisterNumber'] : []);
        for (const path of nationalRegisterNumberPaths(record, skip)) problem(`${name}[${i}].${path}: nrn-not-allowed`);
      });
    }
  }
  if (backup.settings.activeDossier !== undefined && !dossiers.has(backup.settings.activeDossier)) {
    problem(`settings.activeDossier: unknown-dossier "${backup.settings.activeDossier}"`);
  }

  const declaredById = new Map(backup.attachments.map((a) => [a.id, a]));
  const blobs = new Map<string, AttachmentRecord>();
  backup.attachments.forEach((a, i) => {
    const bytes = base64ToBytes(a.base64);
    if (!bytes) problem(`attachments[${i}].base64: invalid-base64`);
    else blobs.set(a.id, { id: a.id, dossierId: a.dossierId, artefact: a.artefact, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: a.type }) });
  });
  backup.progress.forEach((p, i) =>
    p.attachments.forEach((meta, j) => {
      const where = `progress[${i}].attachments[${j}]`;
      const stored = blobs.get(meta.id);
      const declared = declaredById.get(meta.id);
      if (!declared) problem(`${where}: missing-file "${meta.name}"`);
      else if (declared.dossierId !== p.dossierId || declared.artefact !== p.artefact) problem(`${where}: attached-elsewhere "${meta.name}"`);
      else if (stored && stored.blob.size !== meta.size) problem(`${where}: size-mismatch "${meta.name}" ${meta.size}/${stored.blob.size}`);
    }),
  );
  return problems.length > 0 ? invalid(problems) : { ok: true, backup, blobs: [...blobs.values()] };
}

/** Replaces all data with the backup's, or refuses with the file's problems and writes nothing. */
export async function importBackup(store: Store, json: string): Promise<ImportCounts> {
  const checked = checkBackup(json);
  if (!checked.ok) throw new AppFailure(checked.error);
  const { backup, blobs } = checked;
  await store.write(
    [...STORE_NAMES],
    async (tx) => {
      await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
      await Promise.all([
        tx.objectStore('settings').put(backup.settings, SETTINGS_KEY),
        ...backup.dossiers.map((d) => tx.objectStore('dossiers').put(d)),
        ...backup.progress.map((p) => tx.objectStore('progress').put(p)),
        ...backup.appointments.map((a) => tx.objectStore('appointments').put(a)),
        ...backup.history.map((h) => tx.objectStore('history').put(h)),
        ...blobs.map((b) => tx.objectStore('attachments').put(b)),
      ]);
    },
    'strict',
  );
  return {
    dossiers: backup.dossiers.length,
    progress: backup.progress.length,
    appointments: backup.appointments.length,
    history: backup.history.length,
    attachments: blobs.length,
  };
}
