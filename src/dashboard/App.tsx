/**
 * The dashboard's shell: loads settings and dossiers from the background, follows the address
 * (route.ts), re-reads when the background says something changed (ChangeNotice), and holds the one live
 * region that announces outcomes to screen readers.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CompiledCatalog } from '../catalog/compiled';
import { pickLang } from '../i18n';
import { send } from '../messaging/client';
import type { ChangeNotice } from '../messaging/protocol';
import type { DossierDetail, StoreStatus } from '../model/views';
import { DEFAULT_SETTINGS, type Dossier, type Settings } from '../model/data';
import { Ctx, Refusal, type DashboardContext } from './context';
import { errorText } from '../i18n/errors';
import { DossierView } from './dossier/DossierView';
import { Overview } from './Overview';
import { parseRoute, routeHash, type Route } from './route';
import { SettingsView } from './SettingsView';
import { Setup } from './Setup';
import { dashboardStrings as strings } from '../i18n/dashboard';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function navigate(route: Route) {
  location.hash = routeHash(route);
}

export function App({ catalog }: { catalog: CompiledCatalog }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [settings, setSettings] = useState<Settings | undefined>();
  const [dossiers, setDossiers] = useState<Dossier[] | undefined>();
  const [details, setDetails] = useState<Record<string, DossierDetail>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [storeStatus, setStoreStatus] = useState<StoreStatus | undefined>();

  const lang = settings?.lang ?? pickLang(navigator.languages);
  const t = strings(lang);

  /**
   * Re-reads everything the dashboard shows (a few dossiers: cheap). Reads started earlier may answer
   * later, so only the latest is applied: a read that began before a change can never put the old
   * value back on screen after it.
   */
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const [freshSettings, status] = await Promise.all([send('settings:get', {}), send('store:status', {})]);
      const list = await send('dossier:list', {});
      const fetched = await Promise.all(list.map(async (d) => [d.id, await send('dossier:get', { id: d.id })] as const));
      if (mine !== generation.current) return;
      setSettings(freshSettings);
      setStoreStatus(status);
      setDossiers(list);
      setDetails(Object.fromEntries(fetched));
      setLoadError(undefined);
    } catch (error) {
      if (mine === generation.current) setLoadError(error ?? new Error('unknown'));
    }
  }, []);

  useEffect(() => {
    void reload();
    const onHash = () => setRoute(parseRoute(location.hash));
    const onMessage = (raw: unknown) => {
      if ((raw as Partial<ChangeNotice> | undefined)?.kind === 'be-civic:changed') void reload();
    };
    addEventListener('hashchange', onHash);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      removeEventListener('hashchange', onHash);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [reload]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
  }, [lang, t]);

  const act = useCallback<DashboardContext['act']>(
    async (work, done) => {
      try {
        const result = await work();
        // Re-read before anything re-renders: a control bound to the stored value (a status, a
        // chosen alternative) would otherwise flick back to the old value until the change notice.
        await reload();
        if (done) setMessage({ text: done, error: false });
        return result;
      } catch (error) {
        setMessage({ text: error instanceof Refusal ? error.message : errorText(error, lang), error: true });
        return undefined;
      }
    },
    [lang, reload],
  );

  const ctx = useMemo<DashboardContext>(
    () => ({ lang, t, catalog, settings: settings ?? DEFAULT_SETTINGS, act, today: localToday() }),
    [lang, t, catalog, settings, act],
  );

  const current = route.view === 'dossier' ? dossiers?.find((d) => d.id === route.id) : undefined;

  return (
    <Ctx.Provider value={ctx}>
      {/* The hash is the route, so the skip link moves focus itself instead of changing the hash. */}
      <a
        class="skip"
        href="#content"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('content')?.focus();
        }}
      >
        {t.skipToContent}
      </a>
      <header class="top">
        <p class="brand">Be Civic</p>
        <nav aria-label={t.mainNav}>
          <ul>
            <li>
              <a href="#" aria-current={route.view === 'overview' ? 'page' : undefined}>
                {t.dossiers}
              </a>
            </li>
            {dossiers?.map((d) => (
              <li key={d.id}>
                <a href={routeHash({ view: 'dossier', id: d.id })} aria-current={route.view === 'dossier' && route.id === d.id ? 'page' : undefined}>
                  {d.label}
                </a>
              </li>
            ))}
            <li>
              <a href="#setup" aria-current={route.view === 'setup' ? 'page' : undefined}>
                {t.newDossier}
              </a>
            </li>
            <li>
              <a href="#settings" aria-current={route.view === 'settings' ? 'page' : undefined}>
                {t.settings}
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="content" tabIndex={-1}>
        <div class={message?.error ? 'message error' : 'message'} role="status" aria-live="polite">
          {message?.text}
        </div>
        {storeStatus && !storeStatus.writable && (
          <p role="alert" class="warning" data-testid="storage-problem">
            <strong>{t.readOnly}</strong> {errorText(storeStatus.problem ?? { code: 'store.unavailable' }, lang)}
          </p>
        )}
        {loadError !== undefined && (
          <p role="alert" class="error">
            {errorText(loadError, lang)}
          </p>
        )}
        {!dossiers || !settings ? (
          <p aria-busy="true">{t.loading}</p>
        ) : route.view === 'setup' ? (
          <Setup preselect={route.procedure} onCreated={(d) => navigate({ view: 'dossier', id: d.id })} />
        ) : route.view === 'settings' ? (
          <SettingsView onChanged={() => reload()} />
        ) : route.view === 'dossier' && current && details[current.id] ? (
          <DossierView key={current.id} detail={details[current.id]!} onDeleted={() => navigate({ view: 'overview' })} />
        ) : (
          <Overview dossiers={dossiers} details={details} />
        )}
      </main>
    </Ctx.Provider>
  );
}
