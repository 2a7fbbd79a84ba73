/**
 * The booking services the background runs: the content script registered for granted booking hosts
 * (kept in step with the permissions), and appointment reminders read from the store.
 */
import { browser } from 'wxt/browser';
import type { CompiledCatalog } from '../../catalog/compiled';
import type { ChangeNotice } from '../../messaging/protocol';
import { localise } from '../../i18n';
import { SETTINGS_KEY, type Store } from '../../store/db';
import { DEFAULT_SETTINGS } from '../../model/data';
import { syncBookingContentScript } from './access';
import { bookingPlan } from '../core/plan';
import { bookingSites } from '../../catalog/sites';
import { listenForReminders, reconcileReminders } from './reminders';

export function startBookingServices(catalog: CompiledCatalog, store: Store): { onChange: (notice: ChangeNotice) => void } {
  const sites = bookingSites(catalog);
  const sync = () => void syncBookingContentScript(sites).catch((error: unknown) => console.warn('Be Civic: booking pages', error));
  const reconcile = () =>
    void store
      .read(['appointments'], (tx) => tx.objectStore('appointments').getAll(), [])
      .then((appointments) => reconcileReminders(appointments))
      .catch((error: unknown) => console.warn('Be Civic: reminders', error));

  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onStartup.addListener(reconcile);
  sync();

  listenForReminders(async (appointmentId) =>
    store.read(
      ['appointments', 'dossiers', 'progress', 'settings'],
      async (tx) => {
        const appointment = await tx.objectStore('appointments').get(appointmentId);
        const dossier = appointment && (await tx.objectStore('dossiers').get(appointment.dossierId));
        if (!appointment || !dossier) return undefined;
        const settings = (await tx.objectStore('settings').get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
        const lang = settings.lang ?? dossier.lang;
        const progress = await tx.objectStore('progress').index('byDossier').getAll(dossier.id);
        const procedure = catalog.procedures.find((p) => p.id === dossier.procedure);
        const visit = procedure?.visits.find((v) => v.id === appointment.visit) ?? procedure?.visits[0];
        const statusOf = new Map(progress.map((p) => [p.artefact, p.status]));
        const bring =
          procedure && visit && dossier.commune
            ? bookingPlan(catalog, procedure, visit.id, dossier, progress, lang).bring.map((b) => ({ title: b.title.text, ready: b.ready }))
            : (visit?.bring ?? []).map((id) => ({
                title: localise(catalog.artefacts.find((a) => a.id === id)?.title ?? { fr: id }, lang).text,
                ready: statusOf.get(id) === 'obtained' || statusOf.get(id) === 'submitted',
              }));
        return { lang, appointment, bring };
      },
      undefined,
    ),
  );

  return {
    onChange: (notice) => {
      if (notice.stores.some((s) => s === 'appointments' || s === 'all')) reconcile();
    },
  };
}
