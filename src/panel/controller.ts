/**
 * The content script's life on a catalog host: recognise the page, tell the background which page it
 * is, host the panel's frame for it and keep it placed where it hides nothing, follow the page's
 * changes (single-page navigation, late rendering), answer the background's few questions about the
 * page (the user's selection, the page's text, where focus goes), and leave nothing behind when it
 * stops. It shows nothing itself and holds nothing of the user's: all of that is in the frame.
 * Everything the page could forge is ignored: only the extension runtime's own messages, trusted
 * browser events and the real location count.
 */
import type { ContentPush } from '../model/views';
import { extensionAlive, request, runtime } from './api';
import { doc } from './dom';
import { followPage } from './follow';
import { canMoveLater, createHost, type PanelHost } from './host';
import { MARGIN, PRIMARY_BUTTONS, boxAt, choosePlacement, type Placement } from './placement';
import type { PageGuide, Timings } from './types';

/** Coalescing of scrolls and resizes: the frame is placed again at most this often. */
const SETTLE_MS = 100;
/** The primary buttons looked at when placing the panel: enough for any form, bounded on huge pages. */
const MAX_OBSTACLES = 100;
const BUTTONS_TTL_MS = 2_000;
/** The frame's name for assistive technology until it speaks for itself. */
const FRAME_TITLE = 'Be Civic';

/** The frame's size on this viewport: the panel's own, at most the viewport less the margins and 60% of its height (the panel scrolls inside). */
const fitTo = (size: { width: number; height: number }, viewport: { width: number; height: number }) => ({
  width: Math.min(size.width, viewport.width - 2 * MARGIN),
  height: Math.min(size.height, Math.max(MIN_HEIGHT, Math.min(viewport.height * 0.6, MAX_HEIGHT))),
});
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 560;
/**
 * The frame's box before the panel in it gave its size: that of the panel loading, which the frame's
 * page paints as its static shell before its scripts run (entrypoints/panel/index.html fills the box).
 */
const SHELL_SIZE = { width: 308, height: 83 };

interface Mounted {
  /** Undefined while the frame loads before the page is recognised (both start at once: the frame's load is the slow part). */
  page?: string;
  host: PanelHost;
  size?: { width: number; height: number; collapsed: boolean; loaded: boolean };
  /** The size of the open panel, kept while it is folded, to find a corner where it would fit. */
  expanded?: { width: number; height: number };
  placement?: Placement;
  /** No corner is free of the page's primary buttons: the frame shows the panel folded unless the user opened it. */
  crowded?: boolean;
  returnFocus?: Element | null;
}

/**
 * Started when the script is injected (document_start): the frame starts loading at once, while the
 * page is still parsed, and the page is recognised once it is (the headings and selectors it is
 * asked about exist by then). `withGuide` is given by the content script of booking hosts only
 * (src/panel/guide.ts).
 */
export function startPortal(started: number, withGuide?: () => PageGuide): { stop(): void; timings: Timings } {
  const timings: Timings = { started, recognitions: 0 };
  const life = new AbortController();
  const signal = life.signal;
  const api = runtime();
  const guide = withGuide?.();
  let current: Mounted | undefined;
  /** The page removed or re-styled the panel once too often: the panel stays away on this page. */
  let refused = false;
  let placeTimer: ReturnType<typeof setTimeout> | undefined;
  let buttons: { at: number; list: Element[] } | undefined;

  const stop = () => {
    if (signal.aborted) return;
    life.abort();
    clearTimeout(loadTimer);
    following.stop();
    clearTimeout(placeTimer);
    unmount();
    api?.onMessage.removeListener(onRuntimeMessage);
  };

  const unmount = () => {
    const shown = current;
    if (!shown) return;
    current = undefined;
    guide?.stop();
    shown.host.destroy();
  };

  /**
   * A new frame, letting clicks through until the panel in it gave its size; the next recognition tells
   * the background it is new. `later`: the frame goes in at the next task (see the start below).
   */
  let fresh = false;
  let loadTimer: ReturnType<typeof setTimeout> | undefined;
  const mount = (later = false) => {
    unmount();
    buttons = undefined;
    if (refused || signal.aborted) return;
    const host = createHost(
      api!.getURL('/panel.html'),
      FRAME_TITLE,
      SHELL_SIZE,
      () => {
        refused = true;
        if (current?.host === host) current = undefined;
      },
      () => {
        // A frame put back is a new frame: the background binds it, and it reads the page.
        fresh = true;
        following.recogniseNow();
      },
    );
    if (!host) return;
    current = { host };
    fresh = true;
    if (!later) host.load();
    else loadTimer = setTimeout(() => host.load());
  };

  /**
   * The background recorded the page when it recognised it (and told the frame): place the frame for
   * that page once the panel in it said its size. Until then it stays in the shell's box in its corner:
   * placing it now would read the page's layout, and on a big page force its first layout early.
   */
  const showPage = (page: string) => {
    if (!current) mount();
    const shown = current;
    if (!shown || shown.page === page) return;
    shown.page = page;
    timings.page = page;
    timings.mounted ??= performance.now();
    guide?.stop();
    guide?.start(page);
    if (shown.size) onLayout(shown.size);
  };

  // ---- placement ----------------------------------------------------------------------------------

  /** The page's primary buttons, looked up again at most every BUTTONS_TTL_MS: scrolling a huge page must not query it each time. */
  const primaryButtons = (): Element[] => {
    const now = performance.now();
    if (!buttons || now - buttons.at > BUTTONS_TTL_MS) buttons = { at: now, list: Array.from(doc.all(PRIMARY_BUTTONS)).slice(0, MAX_OBSTACLES * 4) };
    return buttons.list;
  };

  /** The first corner where the open panel covers none of the page's primary buttons (the frame folds to its tab when none is). */
  const place = () => {
    placeTimer = undefined;
    const shown = current;
    if (!shown?.size || !shown.page || signal.aborted) return;
    const viewport = { width: innerWidth, height: innerHeight };
    const want = shown.expanded ?? shown.size;
    const obstacles: DOMRect[] = [];
    for (const element of primaryButtons()) {
      if (obstacles.length >= MAX_OBSTACLES) break;
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) obstacles.push(rect);
    }
    const fitted = fitTo(want, viewport);
    const placement = choosePlacement(fitted, viewport, obstacles, shown.placement);
    shown.placement = placement ?? shown.placement ?? 'right-top';
    const crowded = placement === undefined;
    if (crowded !== (shown.crowded ?? false)) {
      shown.crowded = crowded;
      void request('page:crowded', { crowded }).catch(() => undefined);
    }
    shown.host.fit(boxAt(shown.placement, fitTo(shown.size, viewport), viewport));
  };
  const schedulePlacement = () => {
    placeTimer ??= setTimeout(place, SETTLE_MS);
  };

  const onLayout = (size: { width: number; height: number; collapsed: boolean; loaded: boolean }) => {
    const shown = current;
    if (!shown) return;
    shown.size = size;
    if (!size.collapsed) shown.expanded = { width: size.width, height: size.height };
    place();
    // The page's next frame with the frame at the panel's size, then with the catalog's texts in it
    // (the frame's own paint follows; the benchmark reads when that was from the frame).
    requestAnimationFrame(() => {
      if (current !== shown || !shown.page) return;
      timings.placed ??= performance.now();
      if (size.loaded) timings.ready ??= performance.now();
    });
  };

  // ---- the background's questions -----------------------------------------------------------------

  const focusPage = () => {
    const shown = current;
    if (!shown) return;
    const back = shown.returnFocus;
    shown.returnFocus = undefined;
    if (back instanceof HTMLElement && back.isConnected && back !== shown.host.host) back.focus();
    else shown.host.frame.blur();
  };

  const answer = (push: ContentPush): unknown => {
    const shown = current;
    switch (push.kind) {
      case 'be-civic:layout':
        onLayout(push);
        return null;
      case 'be-civic:selection':
        return shown ? (doc.selection() ?? '') : '';
      case 'be-civic:page-text': {
        const selected = (doc.selection() ?? '').trim();
        const main = (doc.one('main, [role=main]') ?? doc.one('body')) as HTMLElement | null;
        return selected || main?.innerText || '';
      }
      case 'be-civic:focus-page':
        focusPage();
        return null;
      case 'be-civic:toggle-panel': {
        if (!shown) return { entered: false };
        if (doc.active() === shown.host.host) {
          focusPage();
          return { entered: false };
        }
        shown.returnFocus = doc.active();
        shown.host.frame.focus();
        void request('page:focus-panel', {}).catch(() => undefined);
        return { entered: true };
      }
      case 'be-civic:show-service':
        guide?.show(push.index);
        return null;
      case 'be-civic:report':
        return following.report();
      case 'be-civic:changed':
        guide?.refresh();
        return null;
    }
  };

  const onRuntimeMessage = (message: unknown, sender: { id?: string; tab?: unknown }, reply: (answer: unknown) => void) => {
    // Only the background of this extension: never another extension, never a tab (the panel frame included).
    if (sender.id !== api?.id || sender.tab || typeof message !== 'object' || message === null) return;
    reply(answer(message as ContentPush));
  };
  api?.onMessage.addListener(onRuntimeMessage);

  const following = followPage({
    signal,
    timings,
    stop,
    takeFresh() {
      const was = fresh;
      fresh = false;
      return was;
    },
    recognised(page) {
      if (page) showPage(page);
      else if (current) {
        unmount();
      }
    },
    moved() {
      schedulePlacement();
      guide?.follow();
    },
  });
  if (!extensionAlive()) return { stop, timings };
  // The frame loads while the page is parsed and recognised: on the catalog's paths a catalog page is
  // the likely outcome, and loading an extension frame is the slow part (over 100 ms here, most of it
  // the browser's). The first recognition tells the background this frame is new.
  // Where the host cannot be moved after the page without reloading its frame, it waits for the page.
  // The host is shown in the top layer at once, while the document is still empty (later, showing it
  // could force the style and layout of a page the parser has filled: 300 ms on the 50,000-node page);
  // its frame goes in at the next task, the script's own evaluation filling this one.
  if (canMoveLater()) mount(true);
  const parsed = () => {
    if (signal.aborted) return;
    timings.parsed = performance.now();
    // A document without its root element yet at injection gets its frame now.
    if (current) {
      current.host.toEnd();
      clearTimeout(loadTimer);
      current.host.load();
    } else mount();
    following.recogniseNow();
  };
  if (document.readyState === 'loading') doc.listen(document, 'DOMContentLoaded', parsed, { once: true, signal });
  else parsed();
  return { stop, timings };
}
