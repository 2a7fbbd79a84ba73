/**
 * Finding a commune for the set-up: by its name in any of its languages (Bruxelles, Brussel,
 * Brüssel; accents, case, spaces and dashes do not matter) or by one of its postcodes. Pure.
 */
import type { Commune } from './compiled';
import { squash } from '../recognise';

/**
 * The communes that fit `query`, best first: a postcode gives the communes that have it; a name gives
 * the communes whose name in some language is it, then starts with it, then contains it.
 */
export function findCommunes(communes: readonly Commune[], query: string, limit = 20): Commune[] {
  const trimmed = query.trim();
  if (/^\d{4}$/.test(trimmed)) return communes.filter((c) => c.postal_codes.includes(trimmed)).slice(0, limit);
  const wanted = squash(trimmed);
  if (wanted.length === 0) return [];
  const scored: Array<[number, Commune]> = [];
  for (const commune of communes) {
    const names = Object.values(commune.names).map((n) => squash(n ?? ''));
    const score = names.includes(wanted) ? 0 : names.some((n) => n.startsWith(wanted)) ? 1 : names.some((n) => n.includes(wanted)) ? 2 : -1;
    if (score >= 0) scored.push([score, commune]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].names.fr.localeCompare(b[1].names.fr, 'fr'));
  return scored.slice(0, limit).map(([, c]) => c);
}
