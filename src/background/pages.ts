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
import { issuePlaces, portalArtefacts, servesCommune, siteCommuneOf } from './guidance';
import { senderHost } from './policy';

type PageHandlers = Pick<Handlers, 'page:describe' | 'page:state' | 'panel:strings' | 'panel:collapse' | 'dashboard:open'>;

export function pageHandlers(ctx: Context): PageHandlers {
  const { catalog, store } = ctx;

  async function pageState(pageId: string, form: string | undefined, sender: SenderInfo): Promise<PageState> {
    const page: CompiledPage = catalog.pages.find((p) => p.id === pageId) ?? refuse('unknown.page', { page: pageId });
    // On one form of a multi-form portal, the page serves that form's artefact only.
    const served = new Set(page.serves.map((s) => s.artefact).filter((a) => form === undefined || a === form));
    const alsoOnPortal = portalArtefacts(catalog, page);
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
    const site = siteCommuneOf(catalog, host);
    const communeOf = (id: string | undefined) => (id ? catalog.communes.find((c) => c.id === id) : undefined);
    const title = (artefact: string) => localise(ctx.artefactOf(artefact)?.title ?? { fr: artefact }, lang);
    const instead: NonNullable<PageState['instead']> = [];
    const dossiers = data.dossiers.flatMap((dossier) => {
      const procedure = ctx.procedureOf(dossier.procedure);
      if (!procedure) return [];
      const needed = neededArtefacts(procedure, dossier);
      const seen = new Set<string>();
      const needs = needed
        .filter((need) => served.has(need.artefact) && !seen.has(need.artefact) && seen.add(need.artefact))
        .map((need) => {
          const progress = data.progress.get(`${dossier.id}/${need.artefact}`);
          const label = need.requirement ?? ctx.artefactOf(need.artefact)?.title ?? { fr: need.artefact };
          return { artefact: need.artefact, requirement: localise(label, lang), ...(progress ? { progress } : {}) };
        });
      const home = communeOf(dossier.commune);
      const base = { id: dossier.id, label: dossier.label, procedure: dossier.procedure, procedureTitle: localise(procedure.title, lang) };
      // What the dossier needs from this portal's other pages, when it needs nothing on this one.
      const fromPortal = needs.length > 0 ? [] : [...new Set(needed.map((n) => n.artefact))].filter((a) => alsoOnPortal.has(a) && !served.has(a));
      if (home && servesCommune(catalog, page, site, home) === false) {
        // Another commune's site (or another region's portal): not the place for this dossier.
        const documents = (needs.length > 0 ? needs.map((n) => n.artefact) : fromPortal).map(title);
        if (documents.length === 0) return [];
        return [{ ...base, needs: [], otherCommune: { home: localise(home.names, lang), documents, places: issuePlaces(catalog, home, lang) } }];
      }
      if (needs.length === 0) {
        if (fromPortal.length > 0) instead.push({ dossierId: dossier.id, dossierLabel: dossier.label, documents: fromPortal.map(title) });
        return [];
      }
      return [{ ...base, needs }];
    });
    const bookings = page.role === 'booking' && host ? bookingServicesAt(catalog, host, data.dossiers, lang) : [];
    return {
      lang,
      ...(writable || !problem ? {} : { storageProblem: problem }),
      collapsed: host ? (data.settings.panelCollapsed[host] ?? false) : false,
      ...(data.settings.activeDossier ? { activeDossier: data.settings.activeDossier } : {}),
      dossiers,
      hasDossiers: data.dossiers.length > 0,
      ...(site ? { siteCommune: localise(site.names, lang) } : {}),
      ...(instead.length > 0 ? { instead } : {}),
      ...(bookings.length > 0 ? { bookings } : {}),
    };
  }

  return {
    'page:describe': ({ page, lang, form }) => describePage(catalog, page, lang, form),
    'panel:strings': ({ lang }) => PANEL_STRINGS[lang],
    'page:state': ({ page, form }, sender) => pageState(page, form, sender),

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
