/**
 * Recognition in the background: the content script sends nothing but what the page shows for the
 * signals asked, and its URL is the sender's own. The recogniser (src/recognise) stays the pure one
 * the CLI and the benchmark use; its index is built once per catalog here, so the content script
 * carries neither the index nor the matching code.
 */
import type { CompiledCatalog } from '../catalog/compiled';
import type { PageSignals, Recognised } from '../model/views';
import { buildIndex, recognise, type PageProbe, type RecognitionIndex } from '../recognise';
import { pagesAt } from './policy';

const INDEXES = new WeakMap<CompiledCatalog, RecognitionIndex>();

function indexOf(catalog: CompiledCatalog): RecognitionIndex {
  let index = INDEXES.get(catalog);
  if (!index) {
    index = buildIndex(
      catalog.pages.flatMap((page) => page.paths.map((path) => ({ page: page.id, portal: page.portal, path, hosts: page.hosts, ...(page.signals ? { signals: page.signals } : {}) }))),
    );
    INDEXES.set(catalog, index);
  }
  return index;
}

/** What the page must be asked at this URL: the signals of the catalog pages there that have some. */
function signalsAt(catalog: CompiledCatalog, url: string): Recognised['ask'] {
  const signals = pagesAt(catalog, url).flatMap((p) => (p.signals ? [p.signals] : []));
  if (signals.length === 0) return undefined;
  return {
    title: signals.some((s) => s.title !== undefined),
    headings: signals.some((s) => s.heading !== undefined),
    selectors: [...new Set(signals.flatMap((s) => (s.selector !== undefined ? [s.selector] : [])))],
  };
}

/** The page's answers as a probe: a selector it was not asked about counts as absent. */
const probeOf = (signals: PageSignals): PageProbe => ({
  title: () => signals.title,
  headings: () => signals.headings,
  has: (selector) => signals.has[selector] === true,
});

/** The catalog page at `url` given what the page showed (`probe`); asks for the signals first where they decide. */
export function recogniseAt(catalog: CompiledCatalog, url: string, probe?: PageSignals): Recognised {
  const ask = signalsAt(catalog, url);
  // Asked again until the page has answered every selector that decides here.
  if (ask && (!probe || ask.selectors.some((s) => !(s in probe.has)))) return { page: null, ask };
  const [match] = recognise(indexOf(catalog), url, probe ? probeOf(probe) : undefined);
  return { page: match?.page ?? null, ...(ask ? { ask } : {}) };
}
