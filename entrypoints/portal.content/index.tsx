import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPortal } from '../../src/panel/main';

/**
 * Runs on the catalog's paths of the install-time hosts only (matches generated from the catalog; a
 * commune's own sites get it at run time once granted, src/background/commune-sites.ts): recognises the page locally with
 * the compiled index and shows the panel (src/panel/controller). The catalog's texts and the user's
 * data come from the background through the typed protocol; nothing heavy is bundled.
 * It is injected at document_start to take the extension API and pin the document's built-ins before
 * the page can clobber them, and to start loading the panel's frame while the page is parsed
 * (src/panel/main.ts).
 * (Everything lives inside main: WXT evaluates this file in Node at build time, minus main.)
 */
export default defineContentScript({
  // Replaced in the manifest by the catalog's path-scoped matches (wxt.config.ts, build:manifestGenerated).
  matches: ['https://my.belgium.be/'],
  runAt: 'document_start',
  // WXT would announce every start to the page with window.postMessage, revealing the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runPortal(ctx);
  },
});
