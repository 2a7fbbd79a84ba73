/**
 * Drawing the mounted panel, and keeping it where it hides nothing: the panel moves to a corner free of
 * the page's primary buttons (or folds to a tab when none is), and its buttons pause while something on
 * the page covers or fades it (clickjacking).
 */
import { render } from 'preact';
import { doc } from './dom';
import { Panel } from './Panel';
import { PRIMARY_BUTTONS, choosePlacement } from './placement';
import type { Guide, Mounted, PanelActions } from './types';

/** Coalescing of scrolls and resizes: the panel is placed again at most this often. */
const SETTLE_MS = 100;
/** The primary buttons looked at when placing the panel: enough for any form, bounded on huge pages. */
const MAX_OBSTACLES = 100;
const BUTTONS_TTL_MS = 2_000;

export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const isFolded = (shown: Mounted) => shown.model.collapsed || (shown.crowded && !shown.userExpanded);

export interface Display {
  draw(shown: Mounted): void;
  schedulePlacement(): void;
  /** A new page: the buttons seen on the last one no longer count. */
  reset(): void;
  /** The panel is gone: stop watching it. */
  forget(): void;
  stop(): void;
}

export function createDisplay(options: {
  signal: AbortSignal;
  current(): Mounted | undefined;
  actions: PanelActions;
  guide(): Guide | undefined;
}): Display {
  const { signal, current, actions } = options;
  let placeTimer: ReturnType<typeof setTimeout> | undefined;
  let visibility: IntersectionObserver | undefined;
  let observedPanel: Element | undefined;
  let buttons: { at: number; list: Element[] } | undefined;
  let expandedSize: { width: number; height: number } | undefined;

  const panelElement = (shown: Mounted) => shown.host.container.firstElementChild as HTMLElement | null;

  const draw = (shown: Mounted) => {
    if (current() !== shown) return;
    shown.host.container.dataset.place = shown.placement ?? 'right-top';
    render(<Panel model={{ ...shown.model, collapsed: isFolded(shown), today: today() }} actions={actions} Guide={options.guide()?.Guide} />, shown.host.container);
    watchVisibility(shown);
    schedulePlacement();
  };

  /** Chromium's IntersectionObserver v2 tells whether anything covers the panel or fades it. */
  const watchVisibility = (shown: Mounted) => {
    const panel = panelElement(shown);
    if (!panel || panel === observedPanel) return;
    visibility?.disconnect();
    observedPanel = panel;
    visibility = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        if (typeof entry?.isVisible !== 'boolean' || current() !== shown) return;
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
  const primaryButtons = (): Element[] => {
    const now = performance.now();
    if (!buttons || now - buttons.at > BUTTONS_TTL_MS) buttons = { at: now, list: Array.from(doc.all(PRIMARY_BUTTONS)).slice(0, MAX_OBSTACLES * 4) };
    return buttons.list;
  };

  const place = () => {
    const shown = current();
    if (!shown || signal.aborted) return;
    const panel = panelElement(shown);
    if (!panel) return;
    if (!panel.classList.contains('collapsed')) {
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

  const forget = () => {
    visibility?.disconnect();
    visibility = undefined;
    observedPanel = undefined;
  };

  return {
    draw,
    schedulePlacement,
    reset: () => (buttons = undefined),
    forget,
    stop() {
      clearTimeout(placeTimer);
      forget();
    },
  };
}
