/**
 * The booking guide's reading of the page, shipped only in the content script of the booking hosts
 * the user granted (entrypoints/booking.content): which step of the site shows, whether the service to
 * pick is on the page (outlined over it, a drawing of our own that carries no personal data: no name,
 * no dossier), and which of the step's fields are there with the page's own label for each. What it
 * reads goes to the panel frame through the background; the frame shows it and saves nothing without
 * the user. It never clicks, fills or submits anything on the page.
 */
import type { GuideReading, GuideTargets } from '../model/views';
import { signalsHold } from '../recognise';
import { request } from './api';
import { doc } from './dom';
import { documentProbe } from './probe';
import type { PageGuide } from './types';

/** Coalescing of the page's changes: the guide is checked at most this often. */
const SETTLE_MS = 100;
/** How long a step's service is looked for before the panel says it is not on the page. */
const FIND_MS = 5_000;
/** Text nodes read when looking for a service's label: enough for any booking form, bounded on huge pages. */
const MAX_TEXT_NODES = 5_000;
const SPOT_STYLE = 'all: initial; position: fixed; pointer-events: none; box-sizing: border-box; border: 3px solid #b3261e; border-radius: 6px; z-index: 2147483647;';

const norm = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

const present = (selector: string): Element | null => {
  try {
    return doc.one(selector);
  } catch {
    return null;
  }
};

/** The rendered page element whose own text holds one of the site's labels (a select for an option), if any. */
function findLabel(labels: string[]): Element | null {
  const wanted = labels.map(norm).filter(Boolean);
  const root = doc.root();
  if (!root || wanted.length === 0) return null;
  const walker = doc.texts(root);
  for (let n = 0; n < MAX_TEXT_NODES && walker.nextNode(); n++) {
    const text = norm(walker.currentNode.nodeValue);
    // An option has no box of its own: its select is what shows (and what gets outlined).
    const element = walker.currentNode.parentElement?.closest('select') ?? walker.currentNode.parentElement;
    // Script and style text has no box: only what the user can see counts.
    if (element && wanted.some((w) => text.includes(w)) && element.getClientRects().length > 0) return element;
  }
  return null;
}

/** The page's own words for a form field: its label, else its accessible or placeholder text. */
function labelOf(field: Element): string {
  const labels = (field as HTMLInputElement).labels;
  return (labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? field.getAttribute('placeholder') ?? '').trim().slice(0, 300);
}

export function createGuide(): PageGuide {
  let targetsOf: GuideTargets | undefined;
  let watch: MutationObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let findTimer: ReturnType<typeof setTimeout> | undefined;
  let lastKey = '';
  let step: string | undefined;
  let stepSince = 0;
  let found: Array<Element | null | undefined> = [];
  let highlight = false;
  let spots: HTMLElement[] = [];
  let spotFrame = 0;
  let alive = false;

  const clearSpots = () => {
    for (const spot of spots) spot.remove();
    spots = [];
  };

  /** Outlines the found services over where they are now, in a closed root of their own. */
  const placeSpots = () => {
    spotFrame = 0;
    const elements = highlight ? found.filter((t): t is Element => !!t?.isConnected) : [];
    while (spots.length > elements.length) spots.pop()!.remove();
    elements.forEach((element, i) => {
      let spot = spots[i];
      if (!spot) {
        spot = doc.create('div');
        spot.attachShadow({ mode: 'closed' });
        doc.root()?.append(spot);
        spots.push(spot);
      }
      const r = element.getBoundingClientRect();
      spot.style.cssText = r.width ? `${SPOT_STYLE} left:${r.left - 4}px;top:${r.top - 4}px;width:${r.width + 8}px;height:${r.height + 8}px` : 'display:none !important';
    });
  };

  const check = () => {
    timer = undefined;
    const targets = targetsOf;
    if (!alive || !targets) return;
    const probe = documentProbe();
    let now = performance.now();
    let shown: GuideTargets['steps'][number] | undefined;
    for (const s of targets.steps) if (signalsHold(s.when, probe)) shown = s;
    if (shown?.id !== step) {
      step = shown?.id;
      stepSince = now;
      found = [];
    }
    highlight = !!shown?.highlightService;
    const waiting = now - stepSince < FIND_MS;
    const flags = highlight
      ? targets.labels.map((labels, i) => {
          if (!found[i]?.isConnected) found[i] = findLabel(labels);
          return found[i] ? true : waiting ? null : false;
        })
      : [];
    const fields = (shown?.fields ?? []).flatMap((selector, at) => {
      const element = present(selector);
      return element ? [{ at, label: labelOf(element) }] : [];
    });
    const reading: GuideReading = { ...(step ? { step } : {}), found: flags, fields };
    const key = JSON.stringify(reading);
    if (key !== lastKey) {
      lastKey = key;
      void request('guide:seen', reading).catch(() => undefined);
    }
    placeSpots();
    clearTimeout(findTimer);
    now = performance.now();
    // Still looking: say "not found" when the wait is over, even if the page stays still.
    if (flags.includes(null)) findTimer = setTimeout(check, Math.max(0, stepSince + FIND_MS - now));
  };

  const load = async () => {
    targetsOf = await request('guide:targets', {}).catch(() => undefined);
    lastKey = '';
    found = [];
    check();
  };

  return {
    start() {
      alive = true;
      const root = doc.root();
      if (!watch && root) {
        watch = new MutationObserver(() => {
          timer ??= setTimeout(check, SETTLE_MS);
        });
        watch.observe(root, { childList: true, subtree: true, characterData: true });
      }
      void load();
    },
    refresh: () => void (alive && load()),
    follow() {
      if (spots.length && !spotFrame) spotFrame = requestAnimationFrame(placeSpots);
    },
    show(index) {
      found[index]?.scrollIntoView({ block: 'center' });
    },
    stop() {
      alive = false;
      watch?.disconnect();
      watch = undefined;
      clearTimeout(timer);
      clearTimeout(findTimer);
      timer = findTimer = undefined;
      targetsOf = undefined;
      step = undefined;
      lastKey = '';
      found = [];
      clearSpots();
    },
  };
}
