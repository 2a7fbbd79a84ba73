/**
 * The tabs whose content script recognised a catalog page, and the panel frames inside them. The
 * background knows a panel frame only by its tab: the frame gets exactly the page that tab's content
 * script reported (checked against that script's own URL when reported), and every exchange between
 * the frame and the page goes through here — the page's selection and text, focus, the frame's size —
 * never through the page's window, where a page script could read or forge it.
 * The worker may be stopped between two messages and forget its tabs: a panel that asks then makes the
 * background ask the tab's content script again, and the answer is checked as a first report is.
 */
import type { CompiledCatalog } from '../catalog/compiled';
import type { Handlers, SenderInfo } from '../messaging/router';
import { refuse } from '../model/errors';
import type { ContentPush, ContentReport, PageSignals } from '../model/views';
import { isCatalogUrl } from './policy';
import { recogniseAt } from './recognition';
import type { Context } from './context';

export interface TabPage {
  page: string;
  url: string;
  /**
   * The panel frame that speaks for this page: the first one to ask once the page was recognised,
   * which is the frame the content script just created. A page that learns the panel's address (a
   * frame's load shows in the page's resource timing) and frames a copy of its own gets nothing.
   */
  frameId?: number;
}

/** The longest selection the panel shows for confirmation: a value to note, not a page. */
export const MAX_SELECTION = 2_000;
/** Text of a booking confirmation read for the appointment. */
const MAX_PAGE_TEXT = 20_000;

/** A content script's report, as far as it has the right shape (it is ours, but checked like any arrival). */
function parseReport(answer: unknown): ContentReport | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const { url, probe } = answer as { url?: unknown; probe?: Partial<PageSignals> };
  if (typeof url !== 'string') return undefined;
  const fine =
    probe && typeof probe.title === 'string' && Array.isArray(probe.headings) && probe.headings.every((h) => typeof h === 'string') && probe.has && typeof probe.has === 'object';
  return fine ? { url, probe: { title: probe.title!, headings: probe.headings!, has: probe.has as Record<string, boolean> } } : { url };
}

export function createTabs(catalog: CompiledCatalog, ask: (tabId: number, push: ContentPush) => Promise<unknown>) {
  const pages = new Map<number, TabPage>();

  return {
    pages,
    /** Returns whether the tab's page changed (its panel frame then reads it again). */
    seen(tabId: number, report: TabPage | null, fresh = false): boolean {
      const before = pages.get(tabId);
      // The panel frame stays bound for the content script's life, over single-page navigations; a new frame is bound anew.
      if (report) pages.set(tabId, !fresh && before?.frameId !== undefined ? { ...report, frameId: before.frameId } : report);
      else pages.delete(tabId);
      return before?.page !== report?.page || fresh;
    },
    forget: (tabId: number) => pages.delete(tabId),
    /** The panel frame's sender with its tab's page, asked again from the tab's content script when forgotten. */
    async resolve(sender: SenderInfo): Promise<SenderInfo> {
      if (sender.kind !== 'panel' || sender.tabId === undefined) return sender;
      let known = pages.get(sender.tabId);
      if (!known) {
        const report = parseReport(await ask(sender.tabId, { kind: 'be-civic:report' }).catch(() => undefined));
        const page = report && isCatalogUrl(catalog, report.url) ? recogniseAt(catalog, report.url, report.probe).page : null;
        if (report && page) {
          known = { page, url: report.url };
          pages.set(sender.tabId, known);
        }
      }
      if (known && sender.frameId !== undefined) {
        known.frameId ??= sender.frameId;
        if (known.frameId !== sender.frameId) known = undefined;
      }
      return known ? { ...sender, page: known.page, tabUrl: known.url } : { ...sender, page: undefined, tabUrl: undefined };
    },
  };
}

type TabHandlers = Pick<Handlers, 'page:recognise' | 'page:focus-panel' | 'page:crowded' | 'panel:layout' | 'panel:selection' | 'panel:leave' | 'panel:show-service'>;

const tabOf = (sender: SenderInfo) => sender.tabId ?? refuse('slice.no-tab');

/** The one place the page's text reaches the panel: a string, cut to `max`, else nothing. */
export function textOf(answer: unknown, max: number): string {
  return typeof answer === 'string' ? answer.replace(/\s+/g, ' ').trim().slice(0, max) : '';
}

export function tabHandlers(ctx: Context): TabHandlers {
  const { tabs } = ctx;
  const toContent = (sender: SenderInfo, push: ContentPush) => ctx.deps.toContent?.(tabOf(sender), push) ?? Promise.resolve(undefined);
  return {
    'page:recognise': ({ url, probe, fresh }, sender) => {
      const recognised = recogniseAt(ctx.catalog, url, probe);
      const tabId = tabOf(sender);
      // Until the page has answered the signals asked, the tab keeps no page.
      const changed = tabs.seen(tabId, recognised.page ? { page: recognised.page, url } : null, fresh);
      // A frame that loaded before its page was known, or that shows another page now, reads it (again).
      if (changed && recognised.page) ctx.deps.toPanel?.(tabId, { kind: 'page' });
      return recognised;
    },
    'page:focus-panel': (_, sender) => {
      ctx.deps.toPanel?.(tabOf(sender), { kind: 'focus' });
      return null;
    },
    'page:crowded': ({ crowded }, sender) => {
      ctx.deps.toPanel?.(tabOf(sender), { kind: 'crowded', crowded });
      return null;
    },
    'panel:layout': async (size, sender) => {
      await toContent(sender, { kind: 'be-civic:layout', ...size });
      return null;
    },
    'panel:selection': async (_, sender) => ({ text: textOf(await toContent(sender, { kind: 'be-civic:selection' }).catch(() => ''), MAX_SELECTION) }),
    'panel:leave': async (_, sender) => {
      await toContent(sender, { kind: 'be-civic:focus-page' }).catch(() => undefined);
      return null;
    },
    'panel:show-service': async ({ index }, sender) => {
      await toContent(sender, { kind: 'be-civic:show-service', index }).catch(() => undefined);
      return null;
    },
  };
}

/** The page text a booking confirmation is read from, asked from the tab's content script. */
export async function pageText(ctx: Context, sender: SenderInfo): Promise<string> {
  const answer = await (ctx.deps.toContent?.(tabOf(sender), { kind: 'be-civic:page-text' }) ?? Promise.resolve('')).catch(() => '');
  return typeof answer === 'string' ? answer.slice(0, MAX_PAGE_TEXT) : '';
}
