/**
 * What the panel tests read from the panel, which lives in an extension page inside a frame that the
 * content script hosts in a closed shadow root. The test reads the frame's own document (Playwright
 * reaches the extension frame, the page cannot), and the host element through the DevTools protocol in
 * a world of the test's own (not the page's, whose built-ins a hostile page may have replaced).
 * Coordinates read in the frame are turned into the page's, so clicks are real mouse clicks at the
 * button's place on the screen. axe-core runs inside the frame, on the live panel.
 */
import type { Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { eventually } from './harness';

interface CdpNode {
  nodeName?: string;
  localName?: string;
  attributes?: string[];
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const isPanelFrame = (node: CdpNode) => {
  const at = node.attributes?.indexOf('src') ?? -1;
  return node.localName === 'iframe' && at >= 0 && /\/panel\.html/.test(node.attributes![at + 1] ?? '');
};

/** The hosts on the page: elements whose (closed) shadow root holds the panel's frame. */
function findHosts(node: CdpNode, found: CdpNode[] = []): CdpNode[] {
  if (node.shadowRoots?.some((root) => root.children?.some(isPanelFrame))) found.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findHosts(child, found);
  return found;
}

/** The panel's frame, once its document is the panel page. */
export function panelFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/panel\.html/.test(f.url()) && !f.isDetached());
}

/** Evaluates `expression` in the test's own world of the page; with `fn`, calls it on the panel's host element (undefined without one). */
export async function inTestWorld<T>(page: Page, options: { fn?: string; expression?: string }): Promise<T | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'be-civic-test' })) as {
      executionContextId: number;
    };
    if (options.expression) {
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
        expression: options.expression,
        contextId: executionContextId,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    }
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHosts(root)[0];
    if (!host) return undefined;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: host.backendNodeId, executionContextId })) as { object: { objectId: string } };
    const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${options.fn})(this); }`,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Runs `fn` on the panel's iframe element (in the host's closed root), in the test's own world of the page. */
export async function onFrameElement<T>(page: Page, fn: string): Promise<T | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'be-civic-test' })) as { executionContextId: number };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const frame = findHosts(root)[0]?.shadowRoots?.[0]?.children?.find(isPanelFrame);
    if (!frame) return undefined;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: frame.backendNodeId, executionContextId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: `function () { return (${fn})(this); }`, returnByValue: true })) as {
      result: { value: T };
    };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Runs `fn` on the panel frame's document (undefined without a panel frame). */
export async function inPanel<T>(page: Page, fn: string): Promise<T | undefined> {
  const frame = panelFrame(page);
  if (!frame) return undefined;
  return frame.evaluate(`(${fn})(document)`).catch(() => undefined) as Promise<T | undefined>;
}

/** Evaluates an expression in the test's own world (the page's built-ins may be broken). */
export function onPage<T>(page: Page, expression: string): Promise<T> {
  return inTestWorld<T>(page, { expression }) as Promise<T>;
}

/** Runs `fn` on the host element in the test's own world: how the page sees the panel's place. */
export function onHost<T>(page: Page, fn: string): Promise<T | undefined> {
  return inTestWorld<T>(page, { fn });
}

/** The host as the page renders it: shown, opaque, in the top layer, and on top at the frame's centre. */
export async function hostLook(page: Page): Promise<{ display: string; opacity: string; open: boolean; onTop: boolean } | undefined> {
  const box = await (await panelFrame(page)?.frameElement().catch(() => undefined))?.boundingBox();
  const x = box ? box.x + box.width / 2 : -1;
  const y = box ? box.y + Math.min(20, box.height / 2) : -1;
  return onHost(
    page,
    `(host) => {
      const s = getComputedStyle(host);
      return { display: s.display, opacity: s.opacity, open: host.matches(':popover-open'), onTop: document.elementFromPoint(${x}, ${y}) === host };
    }`,
  );
}

/** Where the frame is on the page (its top left corner), to turn the frame's coordinates into the page's. */
export async function frameOffset(page: Page): Promise<{ x: number; y: number } | undefined> {
  const frame = panelFrame(page);
  const box = await (await frame?.frameElement().catch(() => undefined))?.boundingBox();
  return box ? { x: box.x, y: box.y } : undefined;
}

export interface PanelView {
  role: string | null;
  label: string | null;
  page: string | null;
  lang: string | null;
  /** The panel's text, and what its text fields hold (a capture to confirm shows there). */
  text: string;
  loading: boolean;
  collapsed: boolean;
  headings: string[];
  buttons: Array<{ name: string; pressed: string | null; expanded: string | null }>;
  fallbackSpans: string[];
  /** The artefacts for which a dossier's need (status, captures) is shown. */
  needs: string[];
  /** In the page's coordinates. */
  rect: { left: number; top: number; width: number; height: number };
}

const READ = `(root) => {
  const a = root.querySelector('aside');
  if (!a) return null;
  const r = a.getBoundingClientRect();
  const fields = [...a.querySelectorAll('input, textarea')].map((f) => f.value).join(' ');
  return {
    role: a.getAttribute('role'),
    label: a.getAttribute('aria-label'),
    page: a.dataset.page ?? null,
    lang: a.getAttribute('lang'),
    text: (a.textContent + ' ' + fields).replace(/\\s+/g, ' '),
    loading: !!a.querySelector('[aria-busy="true"]'),
    collapsed: a.classList.contains('collapsed'),
    headings: [...a.querySelectorAll('h2, h3, h4')].map((h) => h.textContent),
    buttons: [...a.querySelectorAll('button')].map((b) => ({ name: b.textContent, pressed: b.getAttribute('aria-pressed'), expanded: b.getAttribute('aria-expanded') })),
    fallbackSpans: [...a.querySelectorAll('span[lang]')].map((s) => s.getAttribute('lang')),
    needs: [...a.querySelectorAll('section[data-artefact]')].filter((s) => s.querySelector('.need')).map((s) => s.dataset.artefact),
    rect: { left: r.left, top: r.top, width: r.width, height: r.height },
  };
}`;

export async function readPanel(page: Page): Promise<PanelView | undefined> {
  const view = await inPanel<PanelView | null>(page, READ);
  if (!view) return undefined;
  const at = await frameOffset(page);
  if (!at) return undefined;
  return { ...view, rect: { ...view.rect, left: view.rect.left + at.x, top: view.rect.top + at.y } };
}

/**
 * The frame shown at the panel's own size, taking clicks: before the panel said its size the frame is
 * shown in its shell's box and lets clicks through to the page.
 */
const PLACED = `(frame) => { const s = getComputedStyle(frame); return s.visibility === 'visible' && s.pointerEvents === 'auto'; }`;

/** Whether the content script has placed and shown the panel's frame at the panel's own size. */
export const panelShown = async (page: Page) => !!(await onFrameElement<boolean>(page, PLACED));

/** The panel once the background's texts are in (no longer the loading shell) and the content script has placed and shown its frame. */
export function panelReady(page: Page, what = 'the panel'): Promise<PanelView> {
  return eventually(async () => {
    const view = await readPanel(page);
    if (!view || view.loading) return undefined;
    return (await onFrameElement<boolean>(page, PLACED)) ? view : undefined;
  }, what);
}

/** The page coordinates of the centre of the panel's first element matching `selector` (whose trimmed text is `text`), scrolled into view. */
export async function pointAt(page: Page, selector: string, text?: string | RegExp): Promise<{ x: number; y: number } | undefined> {
  const want = text === undefined ? 'null' : typeof text === 'string' ? JSON.stringify(text) : text.toString();
  const point = await inPanel<{ x: number; y: number } | null>(
    page,
    `(root) => {
      const want = ${want};
      const el = [...root.querySelectorAll(${JSON.stringify(selector)})].find((e) => want === null || (typeof want === 'string' ? e.textContent.trim() === want : want.test(e.textContent)));
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
  );
  const at = point && (await frameOffset(page));
  return point && at ? { x: point.x + at.x, y: point.y + at.y } : undefined;
}

/** How long the panel waits, fully visible, before a press that changes something counts (src/panel/guard.ts). */
export const SETTLED_MS = 500;

/**
 * Whether the browser reports the panel's frame fully visible, within `waitMs`, to an
 * IntersectionObserver v2 in it, as the panel's own guard sees it (src/panel/guard.ts); true at once
 * where there is none (Firefox). On a loaded machine that report comes well after the frame is shown.
 */
export const seenVisible = (page: Page, waitMs: number) =>
  inPanel<boolean>(
    page,
    `(document) => new Promise((done) => {
      if (!('isVisible' in IntersectionObserverEntry.prototype)) return done(true);
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isVisible)) { observer.disconnect(); done(true); }
      }, { threshold: [0, 1], trackVisibility: true, delay: 100 });
      observer.observe(document.body);
      setTimeout(() => { observer.disconnect(); done(false); }, ${waitMs});
    })`,
  );

/** Resolves once the panel's frame is seen fully visible (see seenVisible). */
export function panelSeenVisible(page: Page): Promise<boolean> {
  return eventually(() => seenVisible(page, 2_000), 'the panel seen visible');
}

/** Clicks a button of the panel by its text, as a user does: a real mouse click at its position, once the panel is settled on screen. */
export async function clickInPanel(page: Page, name: string | RegExp): Promise<void> {
  await eventually(async () => ((await panelShown(page)) ? true : undefined), 'the panel shown');
  const point = await eventually(() => pointAt(page, 'button', name), `the panel button ${String(name)}`);
  // Once seen visible, or not (a test may press a covered panel on purpose).
  await seenVisible(page, 2_000);
  await page.waitForTimeout(SETTLED_MS + 100);
  const again = (await pointAt(page, 'button', name)) ?? point;
  await page.mouse.click(again.x, again.y);
}

/** Number of panel hosts on the page (duplicates would be a bug). */
export async function hostCount(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return findHosts(root).length;
  } finally {
    await cdp.detach();
  }
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA violations in the live panel, in its frame, as `rule: target` lines. */
export async function axePanel(page: Page): Promise<string[]> {
  const frame = panelFrame(page);
  if (!frame) throw new Error('no panel to check');
  await frame.evaluate(AXE);
  return frame.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => {
    // A check that looked at nothing would pass vacuously: report that as a failure.
    if (r.passes.length < 5) return ['axe checked almost nothing (' + r.passes.length + ' rules passed)'];
    return r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  })`) as Promise<string[]>;
}
