/**
 * `npx tsx scripts/panel-screenshot.ts` (after `npm run build`): the README's picture of the panel,
 * taken in headless Chromium with the built extension on the IRISbox demo fixture, with a dossier, a
 * status and a captured request number, so it shows what a user really sees. Writes docs/panel.png.
 */
import { join } from 'node:path';
import { eventually, launch, ROOT } from '../tests/support/harness';
import { clickInPanel, inPanel, readPanel } from '../tests/support/panel-support';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } };

const session = await launch({ locale: 'en-GB', colorScheme: 'light' });
try {
  await session.serve('https://irisbox.irisnet.be/**', { fixture: 'irisbox.html' });
  const dashboard = await session.open(`chrome-extension://${session.extensionId}/dashboard.html`);
  const created = await dashboard.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'dossier:create', payload: { procedure: 'nationality-declaration-12bis', label: 'Amira', answers: {}, choices: {}, lang: 'en' } }),
  );
  if (!created.ok) throw new Error(`dossier:create: ${created.error}`);
  const page = await session.open('https://irisbox.irisnet.be/irisbox/demo-form/landing');
  await page.setViewportSize({ width: 1200, height: 760 });
  await eventually(async () => ((await readPanel(page))?.text.includes('dossier “Amira”') ? true : undefined), 'the panel with the dossier');
  await clickInPanel(page, 'Requested');
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#request')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await clickInPanel(page, 'Capture selection as Request number');
  await eventually(async () => ((await readPanel(page))?.text.includes('Request number saved') ? true : undefined), 'the captured number');
  await page.evaluate(() => getSelection()!.removeAllRanges());
  await inPanel(page, `(root) => { root.querySelector('aside').scrollTop = 0; return true; }`);
  await page.screenshot({ path: join(ROOT, 'docs/panel.png') });
  console.log('wrote docs/panel.png');
} finally {
  await session.close();
}
