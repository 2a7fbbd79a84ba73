import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import hosts from '../../src/catalog/generated/hosts.json';
import index from '../../src/catalog/generated/recognition.json';
import { RECOGNITION_FORMAT, type RecognitionIndex } from '../../src/recognise';
import { startPortal } from '../../src/panel/controller';

/**
 * Runs on catalog hosts only (matches generated from the catalog), at document_idle: recognises the
 * page locally with the compiled index and shows the panel (src/panel/controller). The catalog's texts
 * and the user's data come from the background through the typed protocol; nothing heavy is bundled.
 * (Everything lives inside main: WXT evaluates this file in Node at build time, minus main.)
 */
export default defineContentScript({
  matches: hosts.install,
  runAt: 'document_idle',
  // WXT would announce every start to the page with window.postMessage, revealing the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const started = performance.now();
    const recognition = index as RecognitionIndex;
    if (recognition.format !== RECOGNITION_FORMAT) return;
    // WXT stops an older copy of this script when a DOM event with this name reaches `document`; a page
    // can dispatch that event too. Stop it before it gets there: a newer copy replaces the older one
    // through the slot below instead, which lives in this script's own world, out of the page's reach.
    const startedEvent = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    addEventListener(startedEvent, (event) => event.stopImmediatePropagation(), { capture: true, signal: ctx.signal });
    const SLOT = Symbol.for('be-civic.portal');
    const slot = globalThis as { [SLOT]?: ReturnType<typeof startPortal> };
    slot[SLOT]?.stop();
    const portal = startPortal(recognition, started);
    slot[SLOT] = portal;
    ctx.onInvalidated(() => {
      portal.stop();
      if (slot[SLOT] === portal) delete slot[SLOT];
    });
  },
});
