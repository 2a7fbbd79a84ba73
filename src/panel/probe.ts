/** Adapts the live document to the recogniser's PageProbe (see src/recognise), through clobber-proof reads. */
import type { PageProbe } from '../recognise';
import { doc } from './dom';

export function documentProbe(): PageProbe {
  return {
    title: () => doc.title(),
    headings: () => Array.from(doc.all('h1, h2, h3'), (h) => h.textContent ?? ''),
    has: (selector) => {
      try {
        return doc.one(selector) !== null;
      } catch {
        return false;
      }
    },
  };
}
