/**
 * The panel's place on the page: a built-in element (a plain div, so no page can define it as a custom
 * element and be handed its root, and with no fixed name or attribute a page could learn), its closed
 * shadow root holding only the panel's frame, shown in the top layer as a manual popover so that no
 * z-index, opacity, filter or transform of the page can cover or fade it. Everything the panel shows
 * lives in the frame, an extension page the page's scripts can neither read, search, select, restyle
 * nor click. The page owns the DOM, so it can still remove or re-style the host: a guard puts it back,
 * within a budget — a page that keeps fighting gets the panel removed quietly instead of a loop.
 */
import { doc } from './dom';
import { MARGIN } from './placement';

/** Every property reset, then only what the host needs: a zero-size, click-through anchor for the fixed frame inside. */
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: 0 auto auto 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'visibility: visible',
  'opacity: 1',
  'z-index: 2147483647',
  'pointer-events: none',
  'background: transparent',
]
  .map((d) => `${d} !important;`)
  .join(' ');

/**
 * The frame's own style. It is shown from the start, letting clicks through until the panel said its
 * size: until its document has loaded it paints nothing (a frame is transparent until then), and a
 * frame kept out of sight would be held back by the browser from painting its shell as soon as it is
 * shown (about 30 ms here).
 */
const FRAME_STYLE = 'all: initial; position: fixed; border: 0; margin: 0; padding: 0; color-scheme: normal; visibility: visible;';

/** At most this many repairs in a row of quick fights, and this many in the page's life. */
const BURST = 5;
const BURST_WINDOW_MS = 3_000;
const LIFETIME_REPAIRS = 30;

export interface PanelHost {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  /**
   * Puts the frame in the host, where it starts loading. Creating a frame is the costliest step here
   * (a child frame of the page, about 10 ms): the caller may give it a task of its own.
   */
  load(): void;
  /** Places and sizes the frame at the panel's size; from then on it takes clicks. */
  fit(box: { left: number; top: number; width: number; height: number }): void;
  /**
   * Moves the host after what the parser added since (head, body): a host put in at injection would
   * otherwise come first in the keyboard's order, before the page. A state-preserving move, so the
   * frame does not load again.
   */
  toEnd(): void;
  destroy(): void;
}

/** Whether the host can be put in before the page is parsed: moving it after the page later must not reload its frame. */
export const canMoveLater = (): boolean => typeof (Element.prototype as { moveBefore?: unknown }).moveBefore === 'function';

/**
 * `first`: the frame's box until it is placed (the shell's, in a corner). `onReload`: the host was put
 * back after the page removed it, and with it a new frame loads.
 */
export function createHost(src: string, title: string, first: { width: number; height: number }, onGiveUp: () => void, onReload: () => void): PanelHost | undefined {
  const root = doc.root();
  if (!root) return undefined;
  const host = doc.create('div');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.create('iframe') as HTMLIFrameElement;
  frame.style.cssText = `${FRAME_STYLE} pointer-events: none; width: ${first.width}px; height: ${first.height}px; top: ${MARGIN}px; right: ${MARGIN}px;`;
  frame.title = title;
  frame.src = src;
  const popover = typeof host.showPopover === 'function';

  let repairs = 0;
  let burst = 0;
  let burstStart = 0;
  let alive = true;

  // Set through the CSSOM, which a page's CSP does not block (a style attribute written as markup would be).
  host.style.cssText = HOST_STYLE;
  const style = host.getAttribute('style');

  const expectedAttributes = (): boolean =>
    host.getAttribute('style') === style && (!popover || host.getAttribute('popover') === 'manual') && host.attributes.length === (popover ? 2 : 1);

  const setUp = () => {
    for (const name of host.getAttributeNames()) if (name !== 'style' && name !== 'popover') host.removeAttribute(name);
    if (host.getAttribute('style') !== style) host.style.cssText = HOST_STYLE;
    if (popover && host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    if (host.parentNode !== root) {
      const back = host.isConnected || repairs > 0;
      root.append(host);
      if (back) onReload();
    }
    if (popover && !host.matches(':popover-open')) {
      try {
        host.showPopover();
      } catch {
        // Another top-layer element (a modal dialog of the page) may refuse it; the fixed host still shows.
      }
    }
  };

  const healthy = () => host.parentNode === root && expectedAttributes() && (!popover || host.matches(':popover-open'));

  const repair = () => {
    if (!alive || healthy()) return;
    const now = performance.now();
    if (now - burstStart > BURST_WINDOW_MS) {
      burstStart = now;
      burst = 0;
    }
    if (++burst > BURST || ++repairs > LIFETIME_REPAIRS) {
      destroy();
      onGiveUp();
      return;
    }
    setUp();
    rootWatch.takeRecords();
    hostWatch.takeRecords();
  };

  const rootWatch = new MutationObserver(repair);
  const hostWatch = new MutationObserver(repair);
  const onToggle = (event: Event) => {
    if ((event as ToggleEvent).newState === 'closed') queueMicrotask(repair);
  };

  const destroy = () => {
    if (!alive) return;
    alive = false;
    rootWatch.disconnect();
    hostWatch.disconnect();
    host.removeEventListener('toggle', onToggle);
    host.remove();
  };

  setUp();
  rootWatch.observe(root, { childList: true });
  hostWatch.observe(host, { attributes: true });
  host.addEventListener('toggle', onToggle);

  return {
    host,
    frame,
    fit({ left, top, width, height }) {
      frame.style.cssText = `${FRAME_STYLE} pointer-events: auto; left: ${left}px; top: ${top}px; width: ${width}px; height: ${height}px;`;
    },
    load() {
      if (alive && !frame.isConnected) shadow.append(frame);
    },
    toEnd() {
      if (!alive || host.parentNode !== root || root.lastElementChild === host) return;
      (root as unknown as { moveBefore(node: Node, child: Node | null): void }).moveBefore(host, null);
      rootWatch.takeRecords();
    },
    destroy,
  };
}
