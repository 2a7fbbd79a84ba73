/**
 * What the guided-booking browser tests share, per booking platform: the extension's own messages sent
 * from one of its pages, the guide as the panel frame shows it with the outlines the content script
 * draws over the page, and the wait for a step of the guide.
 */
import type { Page } from 'playwright-core';
import { eventually } from './harness';
import { inPanel, onPage } from './panel-support';

/** Sends one of the extension's messages from an extension page (the dashboard) and returns its data. */
export async function call(page: Page, type: string, payload: unknown): Promise<any> {
  const reply = (await page.evaluate(
    ([type, payload]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<any> } } }).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  )) as { ok: boolean; data?: any; error?: string };
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

export interface GuideView {
  step: string | null;
  text: string;
  buttons: string[];
  spots: Array<{ left: number; top: number; right: number; bottom: number }>;
  inputs: Record<string, string>;
}

/** The guide as the panel frame shows it, and the outlines the content script draws over the page (elements of its own, outside the page's body). */
export async function readGuide(page: Page): Promise<GuideView | null> {
  const shown = await inPanel<Omit<GuideView, 'spots'> | null>(
    page,
    `(root) => {
      const g = root.querySelector('section.guide');
      return {
        step: g ? g.dataset.step : null,
        text: g ? g.textContent.replace(/\\s+/g, ' ') : '',
        buttons: g ? [...g.querySelectorAll('button')].map((b) => b.textContent) : [],
        inputs: Object.fromEntries([...root.querySelectorAll('.draft input')].map((i) => [i.name, i.value])),
      };
    }`,
  );
  if (!shown) return null;
  const spots = await onPage<GuideView['spots']>(
    page,
    `[...document.documentElement.children]
      .filter((e) => e !== document.head && e !== document.body && e.style.borderTopWidth === '3px' && e.style.display !== 'none')
      .map((s) => { const r = s.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; })`,
  );
  return { ...shown, spots };
}

/** Waits for the guide to show what `test` wants; a timeout says what the guide showed last. */
export async function untilGuide(page: Page, what: string, test: (g: GuideView) => boolean): Promise<GuideView> {
  let last: GuideView | null = null;
  try {
    return await eventually(async () => {
      last = await readGuide(page);
      return last && test(last) ? last : undefined;
    }, what);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the guide showed ${JSON.stringify(last)}`, { cause: error });
  }
}

/** Whether an outline drawn by the guide lies over the page element's box. */
export const over = (spot: GuideView['spots'][number], box: { x: number; y: number; width: number; height: number }) =>
  spot.left < box.x + box.width && spot.right > box.x && spot.top < box.y + box.height && spot.bottom > box.y;

/** Picks the dossier of the proposed appointment in the panel's draft, returning the dossiers it offers. */
export const pickDraftDossier = (page: Page, dossierId: string) =>
  inPanel<string[]>(
    page,
    `(root) => {
      const select = root.querySelector('.draft select');
      const options = [...select.options].map((o) => o.textContent);
      select.value = ${JSON.stringify(dossierId)};
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return options;
    }`,
  );
