import { defineContentScript } from 'wxt/utils/define-content-script';
import hosts from '../../src/catalog/generated/hosts.json';
import index from '../../src/catalog/generated/recognition.json';
import { recognise, RECOGNITION_FORMAT, type RecognitionIndex } from '../../src/recognise';
import { documentProbe } from '../../src/panel/probe';
import { mountPanel } from '../../src/panel/mount';
import { send } from '../../src/messaging/client';
import { pickLang } from '../../src/i18n';

/**
 * Runs on catalog hosts only (matches generated from the catalog): recognises the page, then shows
 * the panel. Recognition is local and synchronous; the texts come from the background.
 */
export default defineContentScript({
  matches: hosts.install,
  runAt: 'document_idle',
  async main(ctx) {
    const recognition = index as RecognitionIndex;
    if (recognition.format !== RECOGNITION_FORMAT) return;
    const [match] = recognise(recognition, location.href, documentProbe(document));
    if (!match) return;
    const description = await send('page:describe', { page: match.page, lang: pickLang(navigator.languages) });
    if (ctx.isInvalid) return;
    const unmount = mountPanel(description);
    ctx.onInvalidated(unmount);
  },
});
