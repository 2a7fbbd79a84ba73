/**
 * Clicks that a veil cannot steal. A page can lay something over the panel's frame (an opaque bait that
 * removes itself on the first press, a see-through veil) so that the user's click lands on a panel
 * button they did not see. Where the browser has IntersectionObserver v2 (Chromium), the frame watches
 * whether it is fully visible — nothing over it, nothing fading it — and a state-changing press counts
 * only once it has been so for SETTLED_MS. Where it has not (Firefox), `watched` is false and the
 * panel asks for a confirmation inside the frame, in another place than the first press.
 */

/** How long the panel must have been fully visible before a press that changes something counts. */
export const SETTLED_MS = 500;
/** The confirmation asked where covering cannot be seen: it accepts a press only after this delay. */
export const ARM_MS = 600;

export interface Guard {
  /** Whether this browser tells when the frame is covered. */
  watched: boolean;
  /** Whether a press now may change something (only meaningful when `watched`). */
  settled(): boolean;
  stop(): void;
}

export function watchVisibility(target: Element, onCovered: (covered: boolean) => void, now = () => performance.now()): Guard {
  const watched = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
  let visibleSince: number | undefined;
  /** The frame starts out of sight until the content script places it: not covered by anyone yet. */
  let seen = false;
  if (!watched) return { watched, settled: () => false, stop() {} };
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
      if (!entry) return;
      if (entry.isVisible) visibleSince ??= now();
      else visibleSince = undefined;
      seen ||= !!entry.isVisible;
      if (seen) onCovered(!entry.isVisible);
    },
    { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(target);
  return {
    watched,
    settled: () => visibleSince !== undefined && now() - visibleSince >= SETTLED_MS,
    stop: () => observer.disconnect(),
  };
}
