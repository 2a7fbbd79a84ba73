/** Reads what the background asks of the live page to recognise it (see src/background/recognition.ts), through clobber-proof reads. */
import type { PageSignals, Recognised } from '../model/views';
import { doc } from './dom';

/** The headings a `heading` signal looks at, and how much of them is read. */
const HEADINGS = 'h1, h2, h3';
const MAX_HEADINGS = 200;
const MAX_HEADING = 500;

export function readSignals(ask: NonNullable<Recognised['ask']>): PageSignals {
  const has: Record<string, boolean> = {};
  for (const selector of ask.selectors) {
    try {
      has[selector] = doc.one(selector) !== null;
    } catch {
      has[selector] = false;
    }
  }
  return {
    title: ask.title ? doc.title().slice(0, 1_000) : '',
    headings: ask.headings ? Array.from(doc.all(HEADINGS), (h) => (h.textContent ?? '').slice(0, MAX_HEADING)).slice(0, MAX_HEADINGS) : [],
    has,
  };
}

/** A probe over the live document, for the booking guide's steps (the same signals' meaning). */
export function documentProbe(): { title(): string; headings(): string[]; has(selector: string): boolean } {
  return {
    title: () => doc.title(),
    headings: () => Array.from(doc.all(HEADINGS), (h) => h.textContent ?? ''),
    has: (selector) => {
      try {
        return doc.one(selector) !== null;
      } catch {
        return false;
      }
    },
  };
}
