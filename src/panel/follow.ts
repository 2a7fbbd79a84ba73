/**
 * Following the page: recognise it again when its address changes (single-page navigation, history,
 * hash) or when content it waits for renders late, coalescing bursts without starving recognition.
 * Only trusted browser events and the real location count; every listener ends with the signal.
 */
import { awaitsSignals, recognise, type RecognitionIndex } from '../recognise';
import { extensionAlive } from './api';
import { doc } from './dom';
import { documentProbe } from './probe';
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
  index: RecognitionIndex;
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
}): { recogniseNow(): void; stop(): void } {
  const { index, signal, timings } = options;
  let lastUrl = '';
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
    const [match] = recognise(index, url, documentProbe());
    if (moved) watchLateRender(awaitsSignals(index, url));
    options.recognised(match?.page, match?.form);
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
    stop() {
      clearTimeout(settleTimer);
      lateWatch?.disconnect();
    },
  };
}
