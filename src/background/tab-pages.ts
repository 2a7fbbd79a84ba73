/**
 * The tabs whose content script recognised a catalog page, and the panel frame bound to each: the
 * record the background keeps to give a panel frame exactly its tab's page (see tabs.ts). The worker
 * may be stopped between two messages and forget it: a panel that asks then makes the background ask
 * the tab's content script again, and the answer is checked as a first report is.
 */
import type { CompiledCatalog } from '../catalog/compiled';
import type { SenderInfo } from '../messaging/router';
import type { ContentPush, ContentReport, GuideReading, PageSignals } from '../model/views';
import { isCatalogUrl } from './policy';
import { recogniseAt } from './recognition';

export interface TabPage {
  page: string;
  /** On a multi-form portal: the artefact the page's form serves. */
  form?: string;
  url: string;
  /**
   * The panel frame that speaks for this page: the first one to ask once the page was recognised,
   * which is the frame the content script just created. A page that learns the panel's address (a
   * frame's load shows in the page's resource timing) and frames a copy of its own gets nothing.
   */
  frameId?: number;
}


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
  /**
   * The booking guide's last reading of each tab's page: a panel frame that connects after the page was
   * read (a slow frame load) gets it at once, or a page that then stays still would leave the guide empty.
   */
  const guides = new Map<number, { page: string; reading: GuideReading }>();

  return {
    pages,
    guideSeen(tabId: number, page: string, reading: GuideReading): void {
      guides.set(tabId, { page, reading });
    },
    /** The last reading of the tab's page, if it was of this page. */
    lastGuide(tabId: number, page: string): GuideReading | undefined {
      const last = guides.get(tabId);
      return last?.page === page ? last.reading : undefined;
    },
    /** Returns whether the tab's page changed (its panel frame then reads it again). */
    seen(tabId: number, report: TabPage | null, fresh = false): boolean {
      const before = pages.get(tabId);
      // The panel frame stays bound for the content script's life, over single-page navigations; a new frame is bound anew.
      if (report) pages.set(tabId, !fresh && before?.frameId !== undefined ? { ...report, frameId: before.frameId } : report);
      else pages.delete(tabId);
      return before?.page !== report?.page || before?.form !== report?.form || fresh;
    },
    forget(tabId: number): void {
      pages.delete(tabId);
      guides.delete(tabId);
    },
    /** The panel frame's sender with its tab's page, asked again from the tab's content script when forgotten. */
    async resolve(sender: SenderInfo): Promise<SenderInfo> {
      if (sender.kind !== 'panel' || sender.tabId === undefined) return sender;
      let known = pages.get(sender.tabId);
      if (!known) {
        const report = parseReport(await ask(sender.tabId, { kind: 'be-civic:report' }).catch(() => undefined));
        const recognised = report && isCatalogUrl(catalog, report.url) ? recogniseAt(catalog, report.url, report.probe) : undefined;
        if (report && recognised?.page) {
          known = { page: recognised.page, url: report.url, ...(recognised.form ? { form: recognised.form } : {}) };
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

