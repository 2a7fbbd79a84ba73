import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPortal } from '../../src/panel/main';
import { createGuide } from '../../src/panel/guide';

/**
 * The content script of commune booking sites: the portal panel plus the guide through the site's
 * steps' page reading (src/panel/guide.ts), which portal pages do not need to download. Not in the manifest: the
 * background registers it for exactly the booking hosts the user granted (src/booking/access.ts).
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runPortal(ctx, createGuide);
  },
});
