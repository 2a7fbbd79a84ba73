/** Adapts the live document to the recogniser's PageProbe (see src/recognise), through clobber-proof reads. */
import { HEADING_SELECTOR, type PageProbe } from '../recognise';
import { doc } from './dom';

export function documentProbe(): PageProbe {
  return {
    title: () => doc.title(),
    headings: () => Array.from(doc.all(HEADING_SELECTOR), (h) => h.textContent ?? ''),
    has: (selector) => {
      try {
        return doc.one(selector) !== null;
      } catch {
        return false;
      }
    },
  };
}
