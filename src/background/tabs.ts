/**
 * The tabs whose content script recognised a catalog page, and the panel frames inside them. The
 * background knows a panel frame only by its tab: the frame gets exactly the page that tab's content
 * script reported (checked against that script's own URL when reported), and every exchange between
 * the frame and the page goes through here — the page's selection and text, focus, the frame's size —
 * never through the page's window, where a page script could read or forge it.
 * The record of tabs and their frames is tab-pages.ts.
 */
import type { Handlers, SenderInfo } from '../messaging/router';
import { refuse } from '../model/errors';
import type { ContentPush } from '../model/views';
import type { Context } from './context';
import { recogniseAt } from './recognition';

/** The longest selection the panel shows for confirmation: a value to note, not a page. */
const MAX_SELECTION = 2_000;
/** Text of a booking confirmation read for the appointment. */
const MAX_PAGE_TEXT = 20_000;

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
      const changed = tabs.seen(tabId, recognised.page ? { page: recognised.page, url, ...(recognised.form ? { form: recognised.form } : {}) } : null, fresh);
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
