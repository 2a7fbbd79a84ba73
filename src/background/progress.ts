/**
 * The user's progress on each document of a dossier: its status, the values captured from a portal
 * page at the user's click, the issue date and notes. A captured national register number is never
 * kept among captured values: it goes to the dossier, and only when the user allowed it.
 */
import type { Handlers, SenderInfo } from '../messaging/router';
import type { ProgressView } from '../model/views';
import { progressView } from './pages';
import type { Progress } from '../model/data';
import { refuse } from '../model/errors';
import { acceptNrn, maskNrnIn, parseDay, refuseNrnIn, settingsIn, without, type Context } from './context';
import { captureKind } from './policy';

type ProgressHandlers = Pick<Handlers, 'progress:set-status' | 'progress:capture' | 'progress:update'>;

export function progressHandlers(ctx: Context): ProgressHandlers {
  const { catalog, store } = ctx;
  /** The panel frame gets back what it shows of the record; an extension page, the record. */
  const viewFor = (sender: SenderInfo, progress: Progress): ProgressView => {
    const page = sender.kind === 'panel' ? catalog.pages.find((p) => p.id === sender.page) : undefined;
    return page ? progressView(catalog, page, progress) : progress;
  };

  return {
    'progress:set-status': async ({ dossierId, artefact, status, source }, sender) => {
      ctx.checkArtefact(artefact, source);
      return viewFor(sender, await ctx.changeProgress(dossierId, artefact, (current) => ({ ...current, status, ...(source ? { source } : {}) })));
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
        return viewFor(sender, saved);
      }
      const isDate = kind === 'date-of-issue' || kind === 'expiry-date';
      const at = ctx.now();
      // Where it was captured: the panel's own page, or the page an extension page names.
      const where = sender.kind === 'panel' ? sender.page : page;
      const portal = where ? catalog.pages.find((p) => p.id === where)?.portal : undefined;
      return viewFor(
        sender,
        await ctx.changeProgress(dossierId, artefact, (current, settings) => {
          // A selection may hold more than the user meant ("Délivré le 14/03/2026 à …, 85.07.30-033.28"):
          // any register number is masked, and a date is kept as the day it names, not the text around it.
          const masked = maskNrnIn(settings, value);
          const day = isDate ? (parseDay(masked) ?? refuse('input.invalid-date', { value: masked })) : undefined;
          const kept = day ?? masked;
          return {
            ...current,
            captured: { ...current.captured, [field]: { value: kept, capturedAt: at, ...(where ? { page: where } : {}), ...(portal ? { portal } : {}) } },
            ...(kind === 'date-of-issue' ? { issuedOn: day } : {}),
          };
        }),
      );
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
