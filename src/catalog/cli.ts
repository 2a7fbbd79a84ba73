/**
 * The catalog CLI for catalog authors and scripts:
 *   validate                      exit 0 when the catalog is valid, 1 with every problem listed
 *   recognise <url> [--html f]    JSON: which portal pages the URL (and page) belongs to
 *   stats                         JSON: counts of procedures, artefacts, sources, pages, communes, hosts
 *   compile                       validate, then write src/catalog/generated/ for the build
 *   ledger [--seeds dir]          the fact ledger (catalog/ledger/): coverage per seed and every failing
 *                                 row or unbacked seed citation, exit 1 on failures; with --seeds, also
 *                                 checks that each row's quote is in its seed
 *   ledger --paths <kind/id.yaml> every field of one entry in the ledger's path syntax, to write rows
 * `--catalog <dir>` reads another catalog folder (used by the tests).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { loadCatalog, formatIssue } from './load';
import { compileCatalog, compileRecognition, compileHosts, catalogStats } from './compile';
import { probeOf } from '../recognise';
import { answerFor } from './answer';
import { readLedgers, checkLedger, checkQuotes, leafPaths } from './ledger';

const here = dirname(fileURLToPath(import.meta.url));
let catalogDir = resolve(here, '../../catalog');
export const GENERATED_DIR = join(here, 'generated');


function loadValid() {
  const { catalog, issues } = loadCatalog(catalogDir);
  if (issues.length > 0) {
    for (const issue of issues) console.error(formatIssue(issue));
    console.error(`catalog: ${issues.length} problem${issues.length === 1 ? '' : 's'}`);
    process.exit(1);
  }
  return catalog;
}

function main(args: string[]): void {
  const at = args.indexOf('--catalog');
  if (at !== -1) {
    catalogDir = resolve(args[at + 1] ?? '.');
    args.splice(at, 2);
  }
  const [command, ...rest] = args;
  switch (command) {
    case 'validate': {
      const stats = catalogStats(loadValid());
      console.log(
        `catalog: valid (${stats.procedures} procedures, ${stats.artefacts} artefacts, ${stats.sources} sources, ${stats.portalPages} portal pages, ${stats.communes} communes: ${stats.communesWithWebsite} with a website, ${stats.communesWithEguichet} with an e-guichet, ${stats.communesWithBooking} with booking data; ${stats.lexiconTerms} lexicon names)`,
      );
      return;
    }
    case 'stats':
      console.log(JSON.stringify(catalogStats(loadValid()), null, 2));
      return;
    case 'compile': {
      const catalog = loadValid();
      mkdirSync(GENERATED_DIR, { recursive: true });
      writeFileSync(join(GENERATED_DIR, 'catalog.json'), JSON.stringify(compileCatalog(catalog)));
      writeFileSync(join(GENERATED_DIR, 'recognition.json'), JSON.stringify(compileRecognition(catalog)));
      writeFileSync(join(GENERATED_DIR, 'hosts.json'), JSON.stringify(compileHosts(catalog), null, 2));
      console.log(`catalog: compiled into ${GENERATED_DIR}`);
      return;
    }
    case 'recognise':
    case 'recognize': {
      const url = rest.find((a) => !a.startsWith('--'));
      const htmlAt = rest.indexOf('--html');
      if (!url || (htmlAt !== -1 && !rest[htmlAt + 1])) {
        console.error('usage: catalog recognise <url> [--html <file>]');
        process.exit(2);
      }
      try {
        new URL(url);
      } catch {
        console.error(`catalog recognise: not a URL: ${url}`);
        process.exit(2);
      }
      const catalog = loadValid();
      const probe = htmlAt === -1 ? undefined : probeOf(parseHTML(readFileSync(rest[htmlAt + 1]!, 'utf8')).document);
      const matches = answerFor(compileCatalog(catalog), compileRecognition(catalog), url, probe);
      console.log(JSON.stringify({ url, matches }, null, 2));
      return;
    }
    case 'ledger': {
      const catalog = loadValid();
      const pathsAt = rest.indexOf('--paths');
      if (pathsAt !== -1) {
        if (!rest[pathsAt + 1]) {
          console.error('usage: catalog ledger --paths <procedures|artefacts|portals|communes>/<id>.yaml');
          process.exit(2);
        }
        for (const line of leafPaths(catalog, rest[pathsAt + 1]!)) console.log(line);
        return;
      }
      const { rows, problems, seeds } = readLedgers(join(catalogDir, 'ledger'));
      const report = checkLedger(catalog, rows, seeds);
      const seedsAt = rest.indexOf('--seeds');
      const quoteProblems = seedsAt === -1 ? [] : checkQuotes(rows, resolve(rest[seedsAt + 1] ?? '.'));
      for (const c of report.coverage) console.log(`${c.seed}: ${c.rows} rows, ${c.encoded} encoded, ${c.leftOut} left out with a reason`);
      const failures = [...problems, ...report.failures, ...quoteProblems];
      for (const f of failures) console.error(`${f.where}: ${f.message}`);
      if (failures.length > 0) {
        console.error(`ledger: ${failures.length} failure${failures.length === 1 ? '' : 's'}`);
        process.exit(1);
      }
      console.log('ledger: every row holds and every seed citation is backed');
      return;
    }
    default:
      console.error('usage: npm run catalog -- <validate | stats | compile | ledger [--seeds <dir>] [--paths <file>] | recognise <url> [--html <file>]>');
      process.exit(2);
  }
}

main(process.argv.slice(2));
