/**
 * What the panel tests read from the panel's closed shadow root, and the axe-core check of it. Reads
 * run through the DevTools protocol in a world of the test's own (like harness.inPanel, but not in the
 * page's world, whose built-ins a hostile page may have replaced). axe cannot enter a closed root, so
 * the live panel's DOM and stylesheet are cloned into an open shadow root on the same page and axe
 * runs there, with the page's real viewport, fonts and color scheme.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { eventually } from './harness';

interface CdpNode {
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}
function findHost(node: CdpNode): CdpNode | undefined {
  if (node.localName === 'be-civic-panel') return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = findHost(child);
    if (hit) return hit;
  }
  return undefined;
}

/** Evaluates `expression` in the test's own world of the page; with `fn`, calls it on the panel's shadow root (undefined without a panel). */
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
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId })) as { object: { objectId: string } };
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

/** Runs `fn` on the panel's closed shadow root, in the test's own world. */
export function inPanel<T>(page: Page, fn: string): Promise<T | undefined> {
  return inTestWorld<T>(page, { fn });
}

/** Evaluates an expression in the test's own world (the page's built-ins may be broken). */
export function onPage<T>(page: Page, expression: string): Promise<T> {
  return inTestWorld<T>(page, { expression }) as Promise<T>;
}

export interface PanelView {
  role: string | null;
  label: string | null;
  page: string | null;
  lang: string | null;
  text: string;
  loading: boolean;
  collapsed: boolean;
  headings: string[];
  buttons: Array<{ name: string; pressed: string | null; expanded: string | null }>;
  fallbackSpans: string[];
  /** The artefacts for which a dossier's need (status, captures) is shown. */
  needs: string[];
  rect: { left: number; top: number; width: number; height: number };
}

const READ = `(root) => {
  const a = root.querySelector('aside');
  if (!a) return null;
  const r = a.getBoundingClientRect();
  return {
    role: a.getAttribute('role'),
    label: a.getAttribute('aria-label'),
    page: a.dataset.page ?? null,
    lang: a.getAttribute('lang'),
    text: a.textContent.replace(/\\s+/g, ' '),
    loading: !!a.querySelector('[aria-busy="true"]'),
    collapsed: a.classList.contains('collapsed'),
    headings: [...a.querySelectorAll('h2, h3, h4')].map((h) => h.textContent),
    buttons: [...a.querySelectorAll('button')].map((b) => ({ name: b.textContent, pressed: b.getAttribute('aria-pressed'), expanded: b.getAttribute('aria-expanded') })),
    fallbackSpans: [...a.querySelectorAll('span[lang]')].map((s) => s.getAttribute('lang')),
    needs: [...a.querySelectorAll('section[data-artefact]')].filter((s) => s.querySelector('.need')).map((s) => s.dataset.artefact),
    rect: { left: r.left, top: r.top, width: r.width, height: r.height },
  };
}`;

export function readPanel(page: Page): Promise<PanelView | undefined> {
  return inPanel<PanelView | null>(page, READ).then((v) => v ?? undefined);
}

/** The panel once the background's texts are in (no longer the loading shell). */
export function panelReady(page: Page, what = 'the panel'): Promise<PanelView> {
  return eventually(async () => {
    const view = await readPanel(page);
    return view && !view.loading ? view : undefined;
  }, what);
}

/** Clicks a button of the panel by its text, as a user does: a real mouse click at its position. */
export async function clickInPanel(page: Page, name: string | RegExp): Promise<void> {
  const source = typeof name === 'string' ? JSON.stringify(name) : name.toString();
  const point = await inPanel<{ x: number; y: number } | null>(
    page,
    `(root) => {
      const want = ${source};
      const b = [...root.querySelectorAll('button')].find((b) => typeof want === 'string' ? b.textContent.trim() === want : want.test(b.textContent));
      if (!b) return null;
      b.scrollIntoView({ block: 'nearest' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
  );
  if (!point) throw new Error(`no panel button ${source}`);
  await page.mouse.click(point.x, point.y);
}

/** Number of <be-civic-panel> hosts on the page (duplicates would be a bug). */
export function hostCount(page: Page): Promise<number> {
  return onPage<number>(page, `document.querySelectorAll('be-civic-panel').length`);
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA violations in the live panel, as `rule: target` lines. */
export async function axePanel(page: Page): Promise<string[]> {
  const cloned = await inPanel<boolean>(
    page,
    `(root) => {
      document.getElementById('be-civic-axe')?.remove();
      const host = document.createElement('div');
      host.id = 'be-civic-axe';
      // Pinned at the top left, in flow inside its box, so the real panel (top layer) never lies over it.
      host.style.cssText = 'position: fixed; left: 0; top: 0; z-index: 2147483647; width: 24em';
      const open = host.attachShadow({ mode: 'open' });
      open.adoptedStyleSheets = [...root.adoptedStyleSheets];
      for (const node of root.childNodes) open.append(node.cloneNode(true));
      const pin = document.createElement('style');
      pin.textContent = '.panel { position: static !important; max-block-size: none !important; }';
      open.append(pin);
      document.body.append(host);
      return true;
    }`,
  );
  if (!cloned) throw new Error('no panel to check');
  return onPage<string[]>(
    page,
    `${AXE}
    axe.run({ include: [['#be-civic-axe']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => {
      document.getElementById('be-civic-axe').remove();
      // A check that looked at nothing would pass vacuously: report that as a failure.
      if (r.passes.length < 5) return ['axe checked almost nothing (' + r.passes.length + ' rules passed)'];
      return r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
    })`,
  );
}
