/**
 * Following the page: have it recognised again when its address changes (single-page navigation,
 * history, hash) or when content it waits for renders late, coalescing bursts without starving
 * recognition. The background recognises (src/background/recognition.ts): this side only reads what
 * it is asked — the title, the headings, whether a selector matches — on the page it is on. Only
 * trusted browser events and the real location count; every listener ends with the signal.
 */
import type { PageSignals, Recognised } from '../model/views';
import { extensionAlive, request } from './api';
import { doc } from './dom';
import { readSignals } from './probe';
import type { Timings } from './types';

/** How long a URL whose rules wait on DOM signals is watched for late-rendered content. */
const LATE_RENDER_MS = 5_000;
/** Coalescing of DOM mutations and history changes: at most one recognition per this many ms. */
const SETTLE_MS = 100;
/** Continuous history changes still get recognised at least this often. */
const MAX_SETTLE_MS = 500;
/** Location polling where the Navigation API is missing (Firefox ESR). */
const POLL_MS = 500;

export function followPage(options: {
  signal: AbortSignal;
  timings: Timings;
  /**
   * The page recognised now (its catalog id, and on a multi-form portal the artefact its form serves),
   * or undefined when the address is no catalog page.
   */
  recognised(page: string | undefined, form?: string): void;
  /** The viewport scrolled or resized. */
  moved(): void;
  /** The extension was updated or removed under us. */
  stop(): void;
  /** Whether the panel's frame is new since the last recognition (the background binds the next frame to ask). */
  takeFresh(): boolean;
}): { recogniseNow(): void; stop(): void; report(): { url: string; probe?: PageSignals } } {
  const { signal, timings } = options;
  let lastUrl = '';
  /** What the background asked this URL's page, and the page's last answers. */
  let asked: { url: string; ask: NonNullable<Recognised['ask']>; probe?: PageSignals } | undefined;
  let round = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let settleDeadline = 0;
  let lateWatch: MutationObserver | undefined;
  let lateUntil = 0;

  const recogniseNow = () => {
    settleTimer = undefined;
    settleDeadline = 0;
    if (signal.aborted) return;
    if (!extensionAlive()) {
      options.stop();
      return;
    }
    const url = location.href;
    const moved = url !== lastUrl;
    lastUrl = url;
    timings.recognitions++;
    const mine = ++round;
    // What most signals look at, read at once: then one round trip decides, unless a selector is asked.
    const known = asked?.url === url ? asked.ask : { title: true, headings: true, selectors: [] };
    const fresh = options.takeFresh();
    const ask = (probe?: PageSignals) => request('page:recognise', { url, ...(probe ? { probe } : {}), ...(fresh ? { fresh } : {}) });
    const probe = readSignals(known);
    void ask(probe)
      .then(async (answer) => {
        if (answer.ask && answer.page === null && answer.ask.selectors.some((s) => !(s in probe.has))) {
          const read = readSignals(answer.ask);
          asked = { url, ask: answer.ask, probe: read };
          return ask(read);
        }
        if (answer.ask) asked = { url, ask: answer.ask, probe };
        return answer;
      })
      .then(
        (answer) => {
          if (mine !== round || signal.aborted) return;
          if (moved) watchLateRender(!!answer.ask || !!answer.late);
          options.recognised(answer.page ?? undefined, answer.form);
        },
        () => {
          if (mine === round && !extensionAlive()) options.stop();
        },
      );
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

  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    doc.listen(navigation, 'currententrychange', onLocation, { signal });
  } else {
    const poll = setInterval(onLocation, POLL_MS);
    signal.addEventListener('abort', () => clearInterval(poll));
  }
  doc.listen(window, 'popstate', onLocation, { signal });
  doc.listen(window, 'hashchange', onLocation, { signal });
  doc.listen(window, 'resize', options.moved, { signal, passive: true });
  doc.listen(window, 'scroll', options.moved, { signal, passive: true, capture: true });
  doc.listen(
    document,
    'visibilitychange',
    () => {
      if (!extensionAlive()) options.stop();
    },
    { signal },
  );

  return {
    recogniseNow,
    report: () => ({ url: location.href, ...(asked?.url === location.href && asked.probe ? { probe: asked.probe } : {}) }),
    stop() {
      clearTimeout(settleTimer);
      lateWatch?.disconnect();
    },
  };
}
