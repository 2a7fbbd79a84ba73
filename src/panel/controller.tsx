/**
 * The content script's life on a catalog host: recognise the page, show the panel for it, keep it
 * right as the page changes (single-page navigation, late rendering, changes made in another tab), and
 * leave nothing behind when it stops (navigation away, extension update, a second injection).
 * Everything the page could forge is ignored: only the extension runtime's own messages, trusted
 * browser events and the real location count. Its parts: display.tsx (drawing, placement), actions.ts
 * (the buttons), follow.ts (the page's changes); this file mounts and loads.
 */
import { render } from 'preact';
import type { PageState } from '../model/views';
import { isLang, pickLang, type Lang } from '../i18n';
import type { RecognitionIndex } from '../recognise';
import { createActions, usableNow } from './actions';
import { extensionAlive, request, runtime } from './api';
import { createDisplay, today } from './display';
import { followPage } from './follow';
import { createHost } from './host';
import type { Guide, Mounted, Session, Timings } from './types';

/** `withGuide` is given by the content script of booking hosts only (src/panel/guide.tsx). */
export function startPortal(index: RecognitionIndex, started: number, withGuide?: (session: Session) => Guide): { stop(): void; timings: Timings } {
  const timings: Timings = { started, recognitions: 0 };
  const life = new AbortController();
  const signal = life.signal;
  const browserLang: Lang = pickLang(navigator.languages ?? [navigator.language]);
  let current: Mounted | undefined;
  let generation = 0;
  /** The page removed or re-styled the panel once too often: the panel stays away on this page. */
  let refused = false;

  const stop = () => {
    if (signal.aborted) return;
    life.abort();
    following.stop();
    display.stop();
    unmount();
    runtime()?.onMessage.removeListener(onRuntimeMessage);
  };

  const say = (shown: Mounted, message: string) => {
    shown.model = { ...shown.model, message };
    display.draw(shown);
  };
  const session: Session = {
    current: () => current,
    draw: (shown) => display.draw(shown),
    say,
    usable: () => usableNow(current, stop, say),
    focusIn: (shown, selector) => queueMicrotask(() => (shown.host.shadow.querySelector(selector) as HTMLElement | null)?.focus()),
  };
  const actions = createActions(session);
  const display = createDisplay({ signal, current: () => current, actions, guide: () => guide });
  const guide = withGuide?.(session);

  // ---- mounting ---------------------------------------------------------------------------------

  const unmount = () => {
    const shown = current;
    if (!shown) return;
    current = undefined;
    display.forget();
    guide?.stop();
    render(null, shown.host.container);
    shown.host.destroy();
  };

  const mount = (page: string, form?: string) => {
    unmount();
    if (refused) return;
    const gen = ++generation;
    display.reset();
    const host = createHost(() => {
      refused = true;
      if (current?.host === host) {
        current = undefined;
        display.forget();
      }
    });
    if (!host) return;
    const shown: Mounted = {
      page,
      ...(form ? { form } : {}),
      host,
      model: { lang: browserLang, collapsed: false, covered: false, message: '', today: today() },
      userExpanded: false,
      crowded: false,
      stateLoading: false,
      stateAgain: false,
    };
    current = shown;
    timings.page = page;
    display.draw(shown);
    timings.mounted ??= performance.now();
    requestAnimationFrame(() => {
      if (current === shown && timings.visible === undefined) timings.visible = performance.now();
    });
    void load(shown, gen);
  };

  // ---- loading ----------------------------------------------------------------------------------

  /** The catalog's texts for the page and the panel's words, both in one language. */
  const texts = (shown: Mounted, lang: Lang) =>
    Promise.all([request('page:describe', { page: shown.page, lang, ...(shown.form ? { form: shown.form } : {}) }), request('panel:strings', { lang })]).catch(() => undefined);

  /** The user's slice for this page; `null` when the background cannot give it (not there yet, or an error). */
  const readState = (shown: Mounted): Promise<PageState | null> =>
    request('page:state', { page: shown.page, ...(shown.form ? { form: shown.form } : {}) }).catch(() => null);

  const load = async (shown: Mounted, gen: number) => {
    const stateAsked = readState(shown);
    let got = await texts(shown, browserLang);
    const state = await stateAsked;
    if (gen !== generation || current !== shown) return;
    if (!got) {
      // Without the catalog's texts there is nothing right to show: leave quietly.
      if (!extensionAlive()) stop();
      else unmount();
      return;
    }
    const lang = state && isLang(state.lang) ? state.lang : browserLang;
    if (lang !== browserLang) {
      got = (await texts(shown, lang)) ?? got;
      if (gen !== generation || current !== shown) return;
    }
    const [description, strings] = got;
    shown.model = { ...shown.model, lang, description, strings, state, collapsed: state?.collapsed ?? false };
    display.draw(shown);
    if (description.guide) guide?.watch();
    requestAnimationFrame(() => {
      if (current === shown && timings.ready === undefined) timings.ready = performance.now();
    });
  };

  /** Re-read after a change made elsewhere (another tab, the dashboard); one read at a time. */
  const refreshState = async () => {
    const shown = current;
    if (!shown) return;
    if (shown.stateLoading) {
      shown.stateAgain = true;
      return;
    }
    shown.stateLoading = true;
    const state = await readState(shown);
    shown.stateLoading = false;
    if (current !== shown) return;
    if (state) {
      let { lang, description, strings } = shown.model;
      if (isLang(state.lang) && state.lang !== lang) {
        const got = await texts(shown, state.lang);
        if (got) [lang, description, strings] = [state.lang, ...got];
      }
      if (current !== shown) return;
      shown.model = { ...shown.model, state, lang, description, strings, collapsed: state.collapsed };
      display.draw(shown);
      guide?.check();
    }
    if (shown.stateAgain) {
      shown.stateAgain = false;
      void refreshState();
    }
  };

  // ---- following --------------------------------------------------------------------------------

  const onRuntimeMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the background of this extension: never another extension, never a tab.
    if (sender.id !== runtime()?.id || sender.tab || typeof message !== 'object' || message === null) return;
    const kind = (message as { kind?: unknown }).kind;
    if (kind === 'be-civic:changed') void refreshState();
    else if (kind === 'be-civic:toggle-panel') actions.shortcut();
  };
  runtime()?.onMessage.addListener(onRuntimeMessage);

  const following = followPage({
    index,
    signal,
    timings,
    stop,
    recognised(page, form) {
      if (page) {
        if (current?.page !== page || current.form !== form) mount(page, form);
      } else if (current) {
        generation++;
        unmount();
      }
    },
    moved() {
      display.schedulePlacement();
      guide?.follow();
    },
  });
  following.recogniseNow();
  return { stop, timings };
}
