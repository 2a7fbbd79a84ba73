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
import { issuePlaces, portalArtefacts, servesCommune, siteCommuneOf } from './guidance';
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

  async function pageState(pageId: string, form: string | undefined, sender: SenderInfo): Promise<PageState> {
    const page = pageOf(pageId);
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
          return { artefact: need.artefact, requirement: localise(label, lang), ...(progress ? { progress: progressView(catalog, page, progress) } : {}) };
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
    'panel:open': async (_, sender) => {
      const page = sender.page ?? refuse('slice.no-page');
      // The form the tab's recognition found, for this page only.
      const known = sender.tabId !== undefined ? ctx.tabs.pages.get(sender.tabId) : undefined;
      const form = known?.page === page ? known.form : undefined;
      const state = await pageState(page, form, sender).catch(() => null);
      const lang = state?.lang ?? pickLang(ctx.languages());
      return { page, lang, description: describePage(catalog, page, lang, form), strings: PANEL_STRINGS[lang], state, ...(form ? { form } : {}) };
    },
    'page:describe': ({ page, lang, form }) => describePage(catalog, page, lang, form),
    'panel:strings': ({ lang }) => PANEL_STRINGS[lang],
    'page:state': ({ page, form }, sender) => pageState(page, form, sender),

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
      if (sender.tabId === undefined) return null;
      const known = ctx.tabs.pages.get(sender.tabId);
      if (known) ctx.tabs.guideSeen(sender.tabId, known.page, reading);
      ctx.deps.toPanel?.(sender.tabId, { kind: 'guide', reading });
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
