/**
 * The user's progress on each document of a dossier: its status, the values captured from a portal
 * page at the user's click, the issue date and notes. A captured national register number is never
 * kept among captured values: it goes to the dossier, and only when the user allowed it.
 */
import type { Handlers } from '../messaging/router';
import type { Progress } from '../model/data';
import { refuse } from '../model/errors';
import { acceptNrn, maskNrnIn, parseDay, refuseNrnIn, settingsIn, without, type Context } from './context';
import { captureKind } from './policy';

type ProgressHandlers = Pick<Handlers, 'progress:set-status' | 'progress:capture' | 'progress:update'>;

export function progressHandlers(ctx: Context): ProgressHandlers {
  const { catalog, store } = ctx;

  return {
    'progress:set-status': async ({ dossierId, artefact, status, source }) => {
      ctx.checkArtefact(artefact, source);
      return ctx.changeProgress(dossierId, artefact, (current) => ({ ...current, status, ...(source ? { source } : {}) }));
    },

    'progress:capture': async ({ dossierId, artefact, field, value, page }, sender) => {
      ctx.checkArtefact(artefact);
      const kind = captureKind(catalog, sender, field);
      if (kind === 'national-register-number') {
        const saved = await store.write(['dossiers', 'progress', 'history', 'settings'], async (tx) => {
          const dossier = (await tx.objectStore('dossiers').get(dossierId)) ?? refuse('unknown.dossier', { dossier: dossierId });
          const digits = acceptNrn(await settingsIn(tx), value);
          const after = { ...dossier, nationalRegisterNumber: digits, updatedAt: ctx.now() };
          await tx.objectStore('dossiers').put(after);
          await tx.objectStore('history').add({ dossierId, at: after.updatedAt, store: 'dossiers', key: dossierId, before: dossier, after });
          return (await tx.objectStore('progress').get([dossierId, artefact])) ?? ctx.freshProgress(dossierId, artefact);
        });
        ctx.announce(['dossiers'], dossierId);
        return saved;
      }
      const isDate = kind === 'date-of-issue' || kind === 'expiry-date';
      const at = ctx.now();
      return ctx.changeProgress(dossierId, artefact, (current, settings) => {
        // A selection may hold more than the user meant ("Délivré le 14/03/2026 à …, 85.07.30-033.28"):
        // the day is read from the text as it will be stored, with any register number masked.
        const kept = maskNrnIn(settings, value);
        const day = isDate ? (parseDay(kept) ?? refuse('input.invalid-date', { value: kept })) : undefined;
        return {
          ...current,
          captured: { ...current.captured, [field]: { value: kept, capturedAt: at, ...(page ? { page } : {}) } },
          ...(kind === 'date-of-issue' ? { issuedOn: day } : {}),
        };
      });
    },

    'progress:update': async ({ dossierId, artefact, patch }) => {
      ctx.checkArtefact(artefact, patch.source);
      return ctx.changeProgress(dossierId, artefact, (current, settings) => {
        refuseNrnIn(settings, { notes: patch.notes });
        const next: Progress = { ...current };
        if (patch.status) next.status = patch.status;
        if (patch.source) next.source = patch.source;
        if (patch.notes !== undefined) next.notes = patch.notes;
        if (patch.issuedOn === null) return without(next, ['issuedOn']);
        if (patch.issuedOn !== undefined) {
          if (!parseDay(patch.issuedOn)) refuse('input.invalid-date', { value: patch.issuedOn });
          next.issuedOn = patch.issuedOn;
        }
        return next;
      });
    },
  };
}
