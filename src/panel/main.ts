/**
 * The content script's start, shared by the portal hosts' script and the booking hosts' one (which adds
 * the booking guide). It runs at document_start only to take the extension API and pin the document's
 * built-ins before the page can clobber them with named elements (src/panel/pin.ts); the work itself
 * starts once the document is parsed, where document_idle would have started it.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import index from '../catalog/generated/recognition.json';
import { RECOGNITION_FORMAT, type RecognitionIndex } from '../recognise';
import { startPortal } from './controller';
import type { createGuide } from './guide';
import { runtime } from './api';
import { pinDocument } from './pin';

export function runPortal(ctx: ContentScriptContext, withGuide?: typeof createGuide): void {
  const recognition = index as unknown as RecognitionIndex;
  if (recognition.format !== RECOGNITION_FORMAT) return;
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
    const portal = startPortal(recognition, performance.now(), withGuide);
    slot[SLOT] = portal;
    ctx.onInvalidated(() => {
      portal.stop();
      if (slot[SLOT] === portal) delete slot[SLOT];
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true, signal: ctx.signal });
  else start();
}
