/**
 * The content script's life on a catalog host: recognise the page, show the panel for it, keep it
 * right as the page changes (single-page navigation, late rendering, changes made in another tab), and
 * leave nothing behind when it stops (navigation away, extension update, a second injection).
 * Everything the page could forge is ignored: only the extension runtime's own messages, trusted
 * browser events and the real location count.
 */
import { render } from 'preact';
import type { PageState } from '../model/views';
import type { Status } from '../model/data';
import { isLang, pickLang, type Lang } from '../i18n';
import { awaitsSignals, recognise, type RecognitionIndex } from '../recognise';
import { extensionAlive, request, runtime } from './api';
import { doc } from './dom';
import { createHost, type PanelHost } from './host';
import { Panel, masked, type CaptureField, type PanelActions, type PanelModel } from './Panel';
import type { Guide } from './guide';
import { PRIMARY_BUTTONS, choosePlacement, type Placement } from './placement';
import { documentProbe } from './probe';
import type { PanelStrings as Strings } from '../i18n/panel';
import { fill } from './boot';

/** How long a URL whose rules wait on DOM signals is watched for late-rendered content. */
const LATE_RENDER_MS = 5_000;
/** Coalescing of DOM mutations and history changes: at most one recognition per this many ms. */
const SETTLE_MS = 100;
/** Continuous history changes still get recognised at least this often. */
const MAX_SETTLE_MS = 500;
/** Location polling where the Navigation API is missing (Firefox ESR). */
const POLL_MS = 500;
/** The primary buttons looked at when placing the panel: enough for any form, bounded on huge pages. */
const MAX_OBSTACLES = 100;
const BUTTONS_TTL_MS = 2_000;
const MAX_CAPTURE = 2_000;
/** What the benchmark and the tests read from the content script's own world (never the page's). */
export interface Timings {
  started: number;
  /** The shell is in the page (synchronous work done); `visible` is the first frame after it. */
  mounted?: number;
  visible?: number;
  ready?: number;
  page?: string;
  recognitions: number;
}

export interface Shown {
  page: string;
  /** On one form of a multi-form portal: the artefact that form serves. */
  form?: string;
  host: PanelHost;
  model: PanelModel;
  /** The user expanded the panel themselves: it stays open even where it has to cover a button. */
  userExpanded: boolean;
  /** No corner of the viewport is free of the page's primary buttons: shown as the small tab. */
  crowded: boolean;
  placement?: Placement;
  returnFocus?: Element | null;
  stateLoading: boolean;
  stateAgain: boolean;
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** What the booking guide (src/panel/guide.tsx) gets from the controller to show its part of the panel. */
export interface GuideContext {
  current(): Shown | undefined;
  draw(shown: Shown): void;
  say(shown: Shown, message: string): void;
  usable(): (Shown & { model: { strings: Strings } }) | undefined;
  focusIn(shown: Shown, selector: string): void;
}

/** `withGuide` is given by the content script of booking hosts only (src/panel/guide.tsx). */
export function startPortal(
  index: RecognitionIndex,
  started: number,
  withGuide?: (context: GuideContext) => Guide,
): { stop(): void; timings: Timings } {
  const timings: Timings = { started, recognitions: 0 };
  const life = new AbortController();
  const signal = life.signal;
  const browserLang: Lang = pickLang(navigator.languages ?? [navigator.language]);
  let current: Shown | undefined;
  let generation = 0;
  let lastUrl = '';
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let settleDeadline = 0;
  let lateWatch: MutationObserver | undefined;
  let lateUntil = 0;
  let placeTimer: ReturnType<typeof setTimeout> | undefined;
  let visibility: IntersectionObserver | undefined;
  let observedPanel: Element | undefined;
  /** The page removed or re-styled the panel once too often: the panel stays away on this page. */
  let refused = false;

  const stop = () => {
    if (signal.aborted) return;
    life.abort();
    clearTimeout(settleTimer);
    clearTimeout(placeTimer);
    lateWatch?.disconnect();
    unmount();
    runtime()?.onMessage.removeListener(onRuntimeMessage);
  };

  // ---- drawing ----------------------------------------------------------------------------------

  const panelElement = (shown: Shown) => shown.host.container.firstElementChild as HTMLElement | null;

  const draw = (shown: Shown) => {
    if (current !== shown) return;
    const collapsed = shown.model.collapsed || (shown.crowded && !shown.userExpanded);
    shown.host.container.dataset.place = shown.placement ?? 'right-top';
    render(<Panel model={{ ...shown.model, collapsed, today: today() }} actions={actions} Guide={guide?.Guide} />, shown.host.container);
    watchVisibility(shown);
    schedulePlacement();
  };

  /** Chromium's IntersectionObserver v2 tells whether anything covers the panel or fades it (clickjacking). */
  const watchVisibility = (shown: Shown) => {
    const panel = panelElement(shown);
    if (!panel || panel === observedPanel) return;
    visibility?.disconnect();
    observedPanel = panel;
    visibility = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        if (typeof entry?.isVisible !== 'boolean' || current !== shown) return;
        const covered = !entry.isVisible && entry.intersectionRatio > 0;
        if (covered !== shown.model.covered) {
          shown.model.covered = covered;
          draw(shown);
        }
      },
      { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    visibility.observe(panel);
  };

  const schedulePlacement = () => {
    if (placeTimer !== undefined) return;
    placeTimer = setTimeout(() => {
      placeTimer = undefined;
      place();
    }, SETTLE_MS);
  };

  /** The page's primary buttons, looked up again at most every BUTTONS_TTL_MS: scrolling a huge page must not query it each time. */
  let buttons: { at: number; list: Element[] } | undefined;
  const primaryButtons = (): Element[] => {
    const now = performance.now();
    if (!buttons || now - buttons.at > BUTTONS_TTL_MS) buttons = { at: now, list: Array.from(doc.all(PRIMARY_BUTTONS)).slice(0, MAX_OBSTACLES * 4) };
    return buttons.list;
  };

  let expandedSize: { width: number; height: number } | undefined;
  const place = () => {
    const shown = current;
    if (!shown || signal.aborted) return;
    const panel = panelElement(shown);
    if (!panel) return;
    const isCollapsed = panel.classList.contains('collapsed');
    if (!isCollapsed) {
      const rect = panel.getBoundingClientRect();
      expandedSize = { width: rect.width, height: rect.height };
    }
    if (!expandedSize) return;
    const obstacles: DOMRect[] = [];
    for (const element of primaryButtons()) {
      if (obstacles.length >= MAX_OBSTACLES) break;
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) obstacles.push(rect);
    }
    const placement = choosePlacement(expandedSize, { width: innerWidth, height: innerHeight }, obstacles, shown.placement);
    const crowded = placement === undefined;
    if ((placement ?? shown.placement) !== shown.placement || crowded !== shown.crowded) {
      shown.placement = placement ?? shown.placement;
      shown.crowded = crowded;
      draw(shown);
    }
  };

  // ---- mounting ---------------------------------------------------------------------------------

  const unmount = () => {
    const shown = current;
    if (!shown) return;
    current = undefined;
    visibility?.disconnect();
    visibility = undefined;
    observedPanel = undefined;
    guide?.stop();
    render(null, shown.host.container);
    shown.host.destroy();
  };

  const mount = (page: string, form?: string) => {
    unmount();
    if (refused) return;
    const gen = ++generation;
    buttons = undefined;
    const host = createHost(() => {
      refused = true;
      if (current?.host === host) {
        current = undefined;
        visibility?.disconnect();
        observedPanel = undefined;
      }
    });
    if (!host) return;
    const shown: Shown = {
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
    draw(shown);
    timings.mounted ??= performance.now();
    requestAnimationFrame(() => {
      if (current === shown && timings.visible === undefined) timings.visible = performance.now();
    });
    void load(shown, gen);
  };

  /** The catalog's texts for the page and the panel's words, both in one language. */
  const texts = (shown: Shown, lang: Lang) =>
    Promise.all([request('page:describe', { page: shown.page, lang, ...(shown.form ? { form: shown.form } : {}) }), request('panel:strings', { lang })]).catch(() => undefined);

  const load = async (shown: Shown, gen: number) => {
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
    draw(shown);
    if (description.guide) guide?.watch();
    requestAnimationFrame(() => {
      if (current === shown && timings.ready === undefined) timings.ready = performance.now();
    });
  };

  /** The user's slice for this page; `null` when the background cannot give it (not there yet, or an error). */
  const readState = (shown: Shown): Promise<PageState | null> => request('page:state', { page: shown.page, ...(shown.form ? { form: shown.form } : {}) }).catch(() => null);

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
      draw(shown);
      guide?.check();
    }
    if (shown.stateAgain) {
      shown.stateAgain = false;
      void refreshState();
    }
  };

  // ---- actions ----------------------------------------------------------------------------------

  const say = (shown: Shown, message: string) => {
    shown.model = { ...shown.model, message };
    draw(shown);
  };

  const usable = (): (Shown & { model: { strings: Strings } }) | undefined => {
    const shown = current;
    if (!shown?.model.strings) return undefined;
    if (!extensionAlive()) {
      stop();
      return undefined;
    }
    if (shown.model.covered) {
      say(shown, shown.model.strings.covered);
      return undefined;
    }
    return shown as Shown & { model: { strings: Strings } };
  };

  const replaceProgress = (shown: Shown, progress: NonNullable<PageState['dossiers'][number]['needs'][number]['progress']>) => {
    const state = shown.model.state;
    if (!state) return;
    shown.model.state = {
      ...state,
      dossiers: state.dossiers.map((d) =>
        d.id !== progress.dossierId ? d : { ...d, needs: d.needs.map((n) => (n.artefact === progress.artefact ? { ...n, progress } : n)) },
      ),
    };
  };

  const focusIn = (shown: Shown, selector: string) => {
    queueMicrotask(() => (shown.host.shadow.querySelector(selector) as HTMLElement | null)?.focus());
  };

  const actions: PanelActions = {
    toggle() {
      const shown = current;
      if (!shown) return;
      const collapsed = !(shown.model.collapsed || (shown.crowded && !shown.userExpanded));
      shown.userExpanded = !collapsed;
      shown.model = { ...shown.model, collapsed };
      draw(shown);
      focusIn(shown, collapsed ? '.tab' : 'h2');
      request('panel:collapse', { collapsed }).catch(() => undefined);
    },
    setStatus(dossierId: string, artefact: string, status: Status) {
      const shown = usable();
      if (!shown) return;
      const t = shown.model.strings;
      request('progress:set-status', { dossierId, artefact, status }).then(
        (progress) => {
          if (current !== shown) return;
          replaceProgress(shown, progress);
          say(shown, fill(t.statusSaved, { status: t.status[progress.status] }));
        },
        (error: Error) => current === shown && say(shown, fill(t.failed, { reason: error.message })),
      );
    },
    capture(dossierId: string, artefact: string, field: CaptureField) {
      const shown = usable();
      if (!shown) return;
      const t = shown.model.strings;
      const value = (getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_CAPTURE);
      if (!value) {
        say(shown, t.noSelection);
        return;
      }
      request('progress:capture', { dossierId, artefact, field: field.id, value, page: shown.page }).then(
        (progress) => {
          if (current !== shown) return;
          replaceProgress(shown, progress);
          say(shown, fill(t.savedValue, { field: field.label.text, value: masked(field.kind, progress.captured[field.id]?.value ?? value) }));
        },
        (error: Error) => current === shown && say(shown, fill(t.failed, { reason: error.message })),
      );
    },
    openSetup() {
      const shown = usable();
      if (!shown) return;
      request('dashboard:open', { setup: true }).catch((error: Error) => say(shown, fill(shown.model.strings.failed, { reason: error.message })));
    },
    leave() {
      const shown = current;
      if (!shown) return;
      const back = shown.returnFocus;
      shown.returnFocus = undefined;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
      else (shown.host.shadow.activeElement as HTMLElement | null)?.blur();
    },
  };

  const guide = withGuide?.({ current: () => current, draw, say, usable, focusIn });

  /** The keyboard shortcut (a manifest command, relayed by the background): into the panel, and back out. */
  const shortcut = () => {
    const shown = current;
    if (!shown) return;
    if (shown.host.shadow.activeElement) {
      actions.leave();
      return;
    }
    shown.returnFocus = doc.active();
    if (shown.model.collapsed || (shown.crowded && !shown.userExpanded)) {
      shown.userExpanded = true;
      shown.model = { ...shown.model, collapsed: false };
      draw(shown);
      request('panel:collapse', { collapsed: false }).catch(() => undefined);
    }
    focusIn(shown, 'h2');
  };

  // ---- following the page -----------------------------------------------------------------------

  const recogniseNow = () => {
    settleTimer = undefined;
    settleDeadline = 0;
    if (signal.aborted) return;
    if (!extensionAlive()) {
      stop();
      return;
    }
    const url = location.href;
    const moved = url !== lastUrl;
    lastUrl = url;
    timings.recognitions++;
    const [match] = recognise(index, url, documentProbe());
    if (moved) watchLateRender(awaitsSignals(index, url));
    if (match) {
      if (current?.page !== match.page || current.form !== match.form) mount(match.page, match.form);
    } else if (current) {
      generation++;
      unmount();
    }
  };

  /** Coalesces bursts (mutation floods, rapid history changes) into one recognition, without starving it. */
  const settle = () => {
    const now = performance.now();
    if (settleDeadline === 0) settleDeadline = now + MAX_SETTLE_MS;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(recogniseNow, Math.max(0, Math.min(SETTLE_MS, settleDeadline - now)));
  };

  const watchLateRender = (wanted: boolean) => {
    lateWatch?.disconnect();
    lateWatch = undefined;
    if (!wanted) return;
    lateUntil = performance.now() + LATE_RENDER_MS;
    const root = doc.root();
    if (!root) return;
    lateWatch = new MutationObserver(() => {
      if (performance.now() > lateUntil) {
        lateWatch?.disconnect();
        lateWatch = undefined;
        return;
      }
      if (settleTimer === undefined) settleTimer = setTimeout(recogniseNow, SETTLE_MS);
    });
    lateWatch.observe(root, { childList: true, subtree: true });
  };

  const onLocation = () => {
    if (location.href !== lastUrl) settle();
  };

  const onRuntimeMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the background of this extension: never another extension, never a tab.
    if (sender.id !== runtime()?.id || sender.tab || typeof message !== 'object' || message === null) return;
    const kind = (message as { kind?: unknown }).kind;
    if (kind === 'be-civic:changed') void refreshState();
    else if (kind === 'be-civic:toggle-panel') shortcut();
  };

  runtime()?.onMessage.addListener(onRuntimeMessage);
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    doc.listen(navigation, 'currententrychange', onLocation, { signal });
  } else {
    const poll = setInterval(onLocation, POLL_MS);
    signal.addEventListener('abort', () => clearInterval(poll));
  }
  doc.listen(window, 'popstate', onLocation, { signal });
  doc.listen(window, 'hashchange', onLocation, { signal });
  const onViewport = () => {
    schedulePlacement();
    guide?.follow();
  };
  doc.listen(window, 'resize', onViewport, { signal, passive: true });
  doc.listen(window, 'scroll', onViewport, { signal, passive: true, capture: true });
  doc.listen(
    document,
    'visibilitychange',
    () => {
      if (!extensionAlive()) stop();
    },
    { signal },
  );

  recogniseNow();
  return { stop, timings };
}
