/**
 * What a panel on a portal page gets: the catalog's texts for the page, the panel's own words, and
 * the page's slice of the user's data (the language, the dossiers that need what this page serves and
 * their progress on it, what to pick on a booking page), plus the panel's collapsed state per host.
 * Which page a content script may ask about is decided by the policy before these run.
 */
import { bookingServicesAt } from '../booking/core/services';
import type { CompiledPage } from '../catalog/compiled';
import { describePage } from '../catalog/describe';
import { neededArtefacts } from '../dossier/requirements';
import { localise, pickLang, type Lang } from '../i18n';
import { PANEL_STRINGS } from '../i18n/panel';
import type { Handlers, SenderInfo } from '../messaging/router';
import { DEFAULT_SETTINGS, rememberCollapsed, type Dossier, type Progress } from '../model/data';
import { refuse } from '../model/errors';
import type { PageState } from '../model/views';
import { SETTINGS_KEY } from '../store/db';
import { settingsIn, type Context } from './context';
import { senderHost } from './policy';

type PageHandlers = Pick<Handlers, 'page:describe' | 'page:state' | 'panel:strings' | 'panel:collapse' | 'dashboard:open'>;

export function pageHandlers(ctx: Context): PageHandlers {
  const { catalog, store } = ctx;

  async function pageState(pageId: string, sender: SenderInfo): Promise<PageState> {
    const page: CompiledPage = catalog.pages.find((p) => p.id === pageId) ?? refuse('unknown.page', { page: pageId });
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
    const lang: Lang = data.settings.lang ?? pickLang(ctx.languages());
    const host = senderHost(sender);
    const dossiers = data.dossiers.flatMap((dossier) => {
      const procedure = ctx.procedureOf(dossier.procedure);
      if (!procedure) return [];
      const seen = new Set<string>();
      const needs = neededArtefacts(procedure, dossier)
        .filter((need) => served.has(need.artefact) && !seen.has(need.artefact) && seen.add(need.artefact))
        .map((need) => {
          const progress = data.progress.get(`${dossier.id}/${need.artefact}`);
          const label = need.requirement ?? ctx.artefactOf(need.artefact)?.title ?? { fr: need.artefact };
          return { artefact: need.artefact, requirement: localise(label, lang), ...(progress ? { progress } : {}) };
        });
      if (needs.length === 0) return [];
      return [{ id: dossier.id, label: dossier.label, procedure: dossier.procedure, procedureTitle: localise(procedure.title, lang), needs }];
    });
    const bookings = page.role === 'booking' && host ? bookingServicesAt(catalog, host, data.dossiers, lang) : [];
    return {
      lang,
      ...(writable || !problem ? {} : { storageProblem: problem }),
      collapsed: host ? (data.settings.panelCollapsed[host] ?? false) : false,
      ...(data.settings.activeDossier ? { activeDossier: data.settings.activeDossier } : {}),
      dossiers,
      ...(bookings.length > 0 ? { bookings } : {}),
    };
  }

  return {
    'page:describe': ({ page, lang }) => describePage(catalog, page, lang),
    'panel:strings': ({ lang }) => PANEL_STRINGS[lang],
    'page:state': ({ page }, sender) => pageState(page, sender),

    'panel:collapse': async ({ collapsed }, sender) => {
      const host = senderHost(sender) ?? refuse('slice.no-tab');
      await store.write(['settings'], async (tx) => {
        const settings = await settingsIn(tx);
        await tx.objectStore('settings').put({ ...settings, panelCollapsed: rememberCollapsed(settings.panelCollapsed, host, collapsed) }, SETTINGS_KEY);
      });
      ctx.announce(['settings']);
      return null;
    },

    'dashboard:open': async ({ setup, dossierId }) => {
      // The dashboard routes on its hash, like the welcome page's `#setup`.
      await ctx.deps.openDashboard(setup ? '#setup' : dossierId ? `#dossier=${encodeURIComponent(dossierId)}` : '');
      return null;
    },
  };
}
