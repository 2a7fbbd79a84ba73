/**
 * What a panel frame gets: the catalog's texts for its tab's page, the panel's own words, and the
 * page's slice of the user's data as a view — the language, the dossiers that need what this page
 * serves with their status and dates, and the values of this page's capture fields that were captured
 * on this page's portal (a register number masked); never notes, attached files or other fields. On a
 * booking page, what to pick there, and to the content script only the labels to look for.
 * Which page a sender may ask about is decided by the policy before these run.
 */
import { bookingServicesAt } from '../booking/core/services';
import type { CompiledCatalog, CompiledPage } from '../catalog/compiled';
import { describePage } from '../catalog/describe';
import { neededArtefacts } from '../dossier/requirements';
import { localise, pickLang, type Lang } from '../i18n';
import { PANEL_STRINGS } from '../i18n/panel';
import type { Handlers, SenderInfo } from '../messaging/router';
import { DEFAULT_SETTINGS, rememberCollapsed, type Dossier, type Progress } from '../model/data';
import { refuse } from '../model/errors';
import { maskNationalRegisterNumber } from '../model/nrn';
import type { PageState, ProgressView } from '../model/views';
import { SETTINGS_KEY } from '../store/db';
import { settingsIn, type Context } from './context';
import { senderHost } from './policy';

type PageHandlers = Pick<Handlers, 'panel:open' | 'page:describe' | 'page:state' | 'panel:strings' | 'panel:collapse' | 'dashboard:open' | 'guide:targets' | 'guide:seen'>;

/** The portal of a captured value: recorded with it, else the portal of the page it was captured on. */
function portalOf(catalog: CompiledCatalog, captured: Progress['captured'][string]): string | undefined {
  return captured.portal ?? (captured.page ? catalog.pages.find((p) => p.id === captured.page)?.portal : undefined);
}

/** What the panel of `page` shows of a progress record. */
export function progressView(catalog: CompiledCatalog, page: CompiledPage, progress: Progress): ProgressView {
  const captured: ProgressView['captured'] = {};
  for (const field of page.capture) {
    const value = progress.captured[field.id];
    if (!value || field.kind === 'document' || portalOf(catalog, value) !== page.portal) continue;
    captured[field.id] = { value: field.kind === 'national-register-number' ? maskNationalRegisterNumber(value.value) : value.value };
  }
  return {
    dossierId: progress.dossierId,
    artefact: progress.artefact,
    status: progress.status,
    ...(progress.issuedOn ? { issuedOn: progress.issuedOn } : {}),
    ...(progress.expiresOn ? { expiresOn: progress.expiresOn } : {}),
    captured,
  };
}

export function pageHandlers(ctx: Context): PageHandlers {
  const { catalog, store } = ctx;
  const pageOf = (pageId: string): CompiledPage => catalog.pages.find((p) => p.id === pageId) ?? refuse('unknown.page', { page: pageId });

  async function pageState(pageId: string, sender: SenderInfo): Promise<PageState> {
    const page = pageOf(pageId);
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
          return { artefact: need.artefact, requirement: localise(label, lang), ...(progress ? { progress: progressView(catalog, page, progress) } : {}) };
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
    'panel:open': async (_, sender) => {
      const page = sender.page ?? refuse('slice.no-page');
      const state = await pageState(page, sender).catch(() => null);
      const lang = state?.lang ?? pickLang(ctx.languages());
      return { page, lang, description: describePage(catalog, page, lang), strings: PANEL_STRINGS[lang], state };
    },
    'page:describe': ({ page, lang }) => describePage(catalog, page, lang),
    'panel:strings': ({ lang }) => PANEL_STRINGS[lang],
    'page:state': ({ page }, sender) => pageState(page, sender),

    'guide:targets': async (_, sender) => {
      const known = sender.tabId !== undefined ? ctx.tabs.pages.get(sender.tabId) : undefined;
      const page = pageOf(known?.page ?? refuse('slice.no-page'));
      const host = senderHost(sender);
      const dossiers = await store.read(['dossiers'], (tx) => tx.objectStore('dossiers').getAll(), [] as Dossier[]);
      const steps = page.guide.map((step) => ({ id: step.id, when: step.when, highlightService: step.highlight_service, fields: step.fields.map((f) => f.selector) }));
      // Only the site's labels: which dossier each belongs to stays with the panel frame.
      const labels = host ? bookingServicesAt(catalog, host, dossiers, 'en').map((b) => b.labels) : [];
      return { steps, labels };
    },
    'guide:seen': (reading, sender) => {
      if (sender.tabId !== undefined) ctx.deps.toPanel?.(sender.tabId, { kind: 'guide', reading });
      return null;
    },

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
