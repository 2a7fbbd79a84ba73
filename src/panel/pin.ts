/**
 * Named elements clobber globals and built-ins in every world, the content script's too: with
 * `<img name="chrome">` on the page Chromium does not even install `chrome` in the content script's
 * world, and `<img name="createElement">` turns `document.createElement` (which Preact calls) into an
 * image. So the content script starts at document_start, before the page has any element, takes its
 * extension API then (see api.ts) and pins the document built-ins it and Preact use as own properties
 * of its own view of `document` — an own property always wins over a named element, and the page's
 * world never sees these.
 */
const PINNED = [
  'createElement',
  'createElementNS',
  'createTextNode',
  'createDocumentFragment',
  'addEventListener',
  'removeEventListener',
  'dispatchEvent',
  'getSelection',
  'querySelector',
  'querySelectorAll',
  'getElementById',
  'documentElement',
  'body',
  'head',
  'title',
  'activeElement',
  'defaultView',
  'readyState',
] as const;

function descriptorOf(target: object, name: string): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(target); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, name);
    if (found) return found;
  }
  return undefined;
}

/** Returns how many built-ins were pinned (all of them on a page that has no element yet). */
export function pinDocument(doc: Document): number {
  let pinned = 0;
  for (const name of PINNED) {
    const found = descriptorOf(doc, name);
    if (!found || Object.hasOwn(doc, name)) continue;
    try {
      Object.defineProperty(doc, name, { ...found, configurable: true });
      pinned++;
    } catch {
      // Too late for this one (the page already has an element by that name): dom.ts still reads it safely.
    }
  }
  return pinned;
}
