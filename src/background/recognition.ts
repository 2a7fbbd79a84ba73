/**
 * Recognition in the background: the content script sends nothing but what the page shows for the
 * signals asked, and its URL is the sender's own. The recogniser (src/recognise) stays the pure one
 * the CLI and the benchmark use; its index is built once per catalog here, so the content script
 * carries neither the index nor the matching code.
 */
import type { CompiledCatalog } from '../catalog/compiled';
import type { PageSignals, Recognised } from '../model/views';
import generated from '../catalog/generated/recognition.json';
import { awaitsSignals, buildIndex, recognise, type PageProbe, type RecognitionIndex } from '../recognise';
import { pagesAt } from './policy';

/** The catalog's lexicon (artefact and topic names), as the CLI compiled it with the index. */
const LEXICON = (generated as unknown as Pick<RecognitionIndex, 'lexicon'>).lexicon;

const INDEXES = new WeakMap<CompiledCatalog, RecognitionIndex>();

function indexOf(catalog: CompiledCatalog): RecognitionIndex {
  let index = INDEXES.get(catalog);
  if (!index) {
    // The same rules as the CLI's compileRecognition (src/catalog/compile.ts), from the compiled pages.
    index = buildIndex(
      catalog.pages.flatMap((page) =>
        page.paths.map((path) => ({
          page: page.id,
          portal: page.portal,
          path,
          hosts: page.hosts,
          ...(page.except_paths && page.except_paths.length > 0 ? { except: page.except_paths } : {}),
          ...(page.signals ? { signals: page.signals } : {}),
          ...(page.forms
            ? { forms: { artefacts: [...new Set(page.serves.map((s) => s.artefact))], ...(page.forms.keys ? { keys: page.forms.keys } : {}), ...(page.forms.required ? { required: true } : {}) } }
            : {}),
        })),
      ),
      LEXICON,
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
  const index = indexOf(catalog);
  const [match] = recognise(index, url, probe ? probeOf(probe) : undefined);
  // A multi-form page whose URL does not name its form: the answer may change once the page has rendered.
  const late = !ask && awaitsSignals(index, url);
  return { page: match?.page ?? null, ...(match?.form ? { form: match.form } : {}), ...(ask ? { ask } : {}), ...(late ? { late } : {}) };
}
