/** Adapts the live document to the recogniser's PageProbe (see src/recognise). */
import type { PageProbe } from '../recognise';

export function documentProbe(doc: Document): PageProbe {
  return {
    title: () => doc.title,
    headings: () => Array.from(doc.querySelectorAll('h1, h2, h3'), (h) => h.textContent ?? ''),
    has: (selector) => {
      try {
        return doc.querySelector(selector) !== null;
      } catch {
        return false;
      }
    },
  };
}
