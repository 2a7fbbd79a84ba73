/**
 * Appointments at the commune: saved from the dashboard, or from a booking page's confirmation at the
 * user's click (the text is read here, so the parser stays out of the content script). A portal page
 * may add an appointment, never change one that exists.
 */
import { readConfirmation, withoutForeignPlace } from '../booking/core/parse';
import type { Handlers } from '../messaging/router';
import { withoutNationalRegisterNumbers } from '../privacy/nrn';
import type { Appointment } from '../model/data';
import { refuse } from '../model/errors';
import { pageText } from './tabs';
import { refuseNrnIn, settingsIn, type Context } from './context';

type AppointmentHandlers = Pick<Handlers, 'booking:read' | 'appointment:save' | 'appointment:delete'>;

export function appointmentHandlers(ctx: Context): AppointmentHandlers {
  const { store } = ctx;

  return {
    'booking:read': async (_, sender) => {
      const reading = readConfirmation(await pageText(ctx, sender));
      // On a booking platform's page, a place only where its confirmation gives one (the catalog says).
      const known = sender.tabId !== undefined ? ctx.tabs.pages.get(sender.tabId) : undefined;
      const portal = known && ctx.catalog.pages.find((p) => p.id === known.page)?.portal;
      const platform = portal ? ctx.catalog.platforms?.find((p) => p.id === portal) : undefined;
      return platform ? withoutForeignPlace(reading, platform.confirmation.gives) : reading;
    },

    'appointment:save': async (request, sender) => {
      ctx.checkCommune(request.commune);
      const saved = await store.write(['dossiers', 'appointments', 'history', 'settings'], async (tx) => {
        if (!(await tx.objectStore('dossiers').get(request.dossierId))) refuse('unknown.dossier', { dossier: request.dossierId });
        const before = (await tx.objectStore('appointments').get(request.id)) ?? null;
        if (before && !sender.fromExtensionPage) refuse('slice.appointment-exists');
        if (before && before.dossierId !== request.dossierId) refuse('input.appointment-other-dossier');
        // Typed in the dashboard: refused with a register number in it, so the user knows; read from a
        // booking page's confirmation: kept with the number masked.
        const settings = await settingsIn(tx);
        if (sender.fromExtensionPage) refuseNrnIn(settings, request);
        const fields = settings.keepNationalRegisterNumber ? request : withoutNationalRegisterNumbers(request);
        const after: Appointment = { ...fields, createdAt: before?.createdAt ?? ctx.now() };
        await tx.objectStore('appointments').put(after);
        await tx.objectStore('history').add({ dossierId: after.dossierId, at: ctx.now(), store: 'appointments', key: after.id, before, after });
        return after;
      });
      ctx.announce(['appointments'], saved.dossierId);
      return saved;
    },

    'appointment:delete': async ({ id }) => {
      const dossierId = await store.write(['appointments', 'history'], async (tx) => {
        const before = (await tx.objectStore('appointments').get(id)) ?? refuse('unknown.appointment', { appointment: id });
        await tx.objectStore('appointments').delete(id);
        await tx.objectStore('history').add({ dossierId: before.dossierId, at: ctx.now(), store: 'appointments', key: id, before, after: null });
        return before.dossierId;
      });
      ctx.announce(['appointments'], dossierId);
      return null;
    },
  };
}
