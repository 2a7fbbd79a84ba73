import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import hosts from '../../src/catalog/generated/hosts.json';
import index from '../../src/catalog/generated/recognition.json';
import { RECOGNITION_FORMAT, type RecognitionIndex } from '../../src/recognise';
import { startPortal } from '../../src/panel/controller';
import { runtime } from '../../src/panel/api';
import { pinDocument } from '../../src/panel/pin';

/**
 * Runs on catalog hosts only (matches generated from the catalog): recognises the page locally with
 * the compiled index and shows the panel (src/panel/controller). The catalog's texts and the user's
 * data come from the background through the typed protocol; nothing heavy is bundled.
 * It is injected at document_start only to take the extension API and pin the document's built-ins
 * before the page can clobber them with named elements (src/panel/pin.ts); the work itself starts once
 * the document is parsed, where document_idle would have started it.
 * (Everything lives inside main: WXT evaluates this file in Node at build time, minus main.)
 */
export default defineContentScript({
  matches: hosts.install,
  runAt: 'document_start',
  // WXT would announce every start to the page with window.postMessage, revealing the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const recognition = index as RecognitionIndex;
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
      const portal = startPortal(recognition, performance.now());
      slot[SLOT] = portal;
      ctx.onInvalidated(() => {
        portal.stop();
        if (slot[SLOT] === portal) delete slot[SLOT];
      });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true, signal: ctx.signal });
    else start();
  },
});
