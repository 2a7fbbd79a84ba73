/**
 * Validity of a document from its date of issue: the catalog states windows such as "issued less than
 * 3 months before submission" (issued_within) or "valid 10 years" (valid_for). Pure, on calendar days.
 */
import { addDays, addMonths, addWeeks, addYears, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import type { Duration } from '../catalog/compiled';

type Validity = { issued_within?: Duration; valid_for?: Duration };

function addDuration(day: Date, d: Duration): Date {
  let out = day;
  if (d.years) out = addYears(out, d.years);
  if (d.months) out = addMonths(out, d.months);
  if (d.weeks) out = addWeeks(out, d.weeks);
  if (d.days) out = addDays(out, d.days);
  return out;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The last day on which the document still counts, or undefined when the catalog states no window or
 * the date is not a real day. With both windows, the earlier end wins.
 */
export function expiryFor(validity: Validity | undefined, issuedOn: string): string | undefined {
  if (!validity || !DAY.test(issuedOn)) return undefined;
  const issued = parseISO(issuedOn);
  if (Number.isNaN(issued.getTime()) || formatISO(issued, { representation: 'date' }) !== issuedOn) return undefined;
  const ends = [validity.issued_within, validity.valid_for]
    .filter((d): d is Duration => d !== undefined)
    .map((d) => addDays(addDuration(issued, d), -1));
  if (ends.length === 0) return undefined;
  // formatISO rather than format: format's token checks carry a documentation URL into the bundle.
  return formatISO(ends.reduce((a, b) => (a < b ? a : b)), { representation: 'date' });
}

export type ValidityState = 'valid' | 'expiring' | 'expired';

/**
 * Where a document stands on `reference` (the planned submission day, else today): expired after its
 * last valid day, expiring when it ends within `soonDays`.
 */
export function validityState(expiresOn: string, reference: string, soonDays = 30): { state: ValidityState; daysLeft: number } {
  const daysLeft = differenceInCalendarDays(parseISO(expiresOn), parseISO(reference));
  return { state: daysLeft < 0 ? 'expired' : daysLeft < soonDays ? 'expiring' : 'valid', daysLeft };
}
