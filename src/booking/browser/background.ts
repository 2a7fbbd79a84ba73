/**
 * The booking services the background runs: the content script registered for granted booking hosts
 * (kept in step with the permissions), and appointment reminders read from the store.
 */
import { browser } from 'wxt/browser';
import type { CompiledCatalog } from '../../catalog/compiled';
import type { ChangeNotice } from '../../messaging/protocol';
import { SETTINGS_KEY, type Store } from '../../store/db';
import { DEFAULT_SETTINGS } from '../../model/data';
import { syncBookingContentScript } from './access';
import { summarise } from '../../dossier/summary';
import { listenForReminders, reconcileReminders } from './reminders';

export function startBookingServices(catalog: CompiledCatalog, store: Store): { onChange: (notice: ChangeNotice) => void } {
  const sync = () => void syncBookingContentScript(catalog).catch((error: unknown) => console.warn('Be Civic: booking pages', error));
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
        const discreet = settings.discreetNotifications !== false;
        if (discreet) return { lang, appointment, bring: [], discreet };
        const progress = await tx.objectStore('progress').index('byDossier').getAll(dossier.id);
        if (!catalog.procedures.some((p) => p.id === dossier.procedure)) return undefined;
        // What to bring is the visit's own list, with what is missing or expiring as of today.
        const now = new Date();
        const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
        const { visits } = summarise({ catalog, dossier, progress, appointments: [appointment], lang, today });
        const visit = visits.find((v) => v.id === appointment.visit) ?? visits[0];
        const bring = (visit?.bring ?? []).map((b) => ({ title: b.or.length ? [b.title, ...b.or].join(' / ') : b.title, ready: b.ready }));
        return { lang, appointment, bring, discreet };
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
