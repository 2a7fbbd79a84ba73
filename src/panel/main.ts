/**
 * The content script's start, shared by the portal hosts' script and the booking hosts' one (which adds
 * the booking guide's page reading). It runs at document_start to take the extension API and pin the
 * document's built-ins before the page can clobber them with named elements (src/panel/pin.ts), and to
 * start loading the panel's frame while the page is still parsed; recognition waits for the parsed
 * document (src/panel/controller.ts).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPortal } from './controller';
import { runtime } from './api';
import { pinDocument } from './pin';
import type { PageGuide } from './types';

export function runPortal(ctx: ContentScriptContext, withGuide?: () => PageGuide): void {
  pinDocument(document);
  if (!runtime()) return;
  // WXT stops an older copy of this script when a DOM event with this name reaches `document`; a page
  // can dispatch that event too. Stop it before it gets there: a newer copy replaces the older one
  // through the slot below instead, which lives in this script's own world, out of the page's reach.
  const startedEvent = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  addEventListener(startedEvent, (event) => event.stopImmediatePropagation(), { capture: true, signal: ctx.signal });
  const SLOT = Symbol.for('be-civic.portal');
  const slot = globalThis as { [SLOT]?: ReturnType<typeof startPortal> };
  const start = () => {
    if (ctx.isInvalid) return;
    slot[SLOT]?.stop();
    const portal = startPortal(performance.now(), withGuide);
    slot[SLOT] = portal;
    ctx.onInvalidated(() => {
      portal.stop();
      if (slot[SLOT] === portal) delete slot[SLOT];
    });
  };
  start();
}
