/**
 * `npm start`: the extension, working, within a minute of cloning. package.json builds the Chrome
 * extension first; this opens Chromium on the demo (portal pages under their real hostnames, served
 * from demo copies) with a sample dossier. With --headless, or where there is no display, it walks the
 * pages itself and writes screenshots and the PDF summary into demo-output/.
 *
 *   npm start                      a browser window to try it by hand
 *   npm start -- --headless        screenshots and PDF in demo-output/
 *   npm start -- --lang nl         the demo in Dutch (fr, nl, de, en)
 */
import { join } from 'node:path';
import { ROOT } from '../tests/support/harness';
import { isLang, type Lang } from '../src/i18n';
import { STOPS } from './stops';
import { openDemo, presentDemo, walkDemo } from './demo';

function parse(argv: string[]): { headless: boolean; lang: Lang; out: string } {
  let headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  let lang: Lang = 'en';
  let out = join(ROOT, 'demo-output');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--headless') headless = true;
    else if (arg === '--lang' && isLang(argv[i + 1])) lang = argv[++i] as Lang;
    else if (arg === '--out' && argv[i + 1]) out = argv[++i]!;
    else throw new Error(`unknown option ${arg}. Options: --headless, --lang fr|nl|de|en, --out <dir>`);
  }
  return { headless, lang, out };
}

async function main() {
  const started = Date.now();
  const { headless, lang, out } = parse(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  const demo = await openDemo({ headless, lang, log });
  if (headless) {
    try {
      const { screenshots, pdf } = await walkDemo(demo, out, log);
      log(`\n${screenshots.length} screenshots and ${pdf} written in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      if (demo.stray.length) log(`Aborted ${demo.stray.length} request(s) outside the demo: ${demo.stray.join(', ')}`);
    } finally {
      await demo.close();
    }
    return;
  }
  await presentDemo(demo, log);
  log(`
The demo is open. Each tab is a demo copy of a real portal page, served offline under its real address:
${STOPS.map((s) => `  ${s.url}`).join('\n')}
The Be Civic panel appears on each (on the booking site once you allow it from the dashboard);
the dashboard shows the sample dossier. Close the browser, or press Ctrl+C here, to end.`);
  await new Promise<void>((resolve) => {
    demo.context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await demo.close();
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exitCode = 1;
});
