/**
 * The Belgian national register number (rijksregisternummer / numéro de registre national): checked
 * with its mod-97 checksum before it is ever stored, because it is the one identifier that opens a
 * person's whole administrative life. The scanner finds it inside any text the user or a page gives
 * (a captured selection, a note, a record of a backup), so that without the user's opt-in it is
 * refused or masked, never stored. Reading and masking one number are in src/model/nrn.ts.
 */
import { maskNationalRegisterNumber, normaliseNationalRegisterNumber } from '../model/nrn';

/**
 * True when the checksum (last two digits) is 97 minus the first nine digits modulo 97; people born
 * from 2000 on have a `2` prefixed to those nine digits before the division, so both readings are tried.
 */
export function isValidNationalRegisterNumber(input: string): boolean {
  const digits = normaliseNationalRegisterNumber(input);
  if (!digits) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  if (check < 1 || check > 97) return false;
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

/** The number in its usual written form, for when the user asks to reveal it. */
export function formatNationalRegisterNumber(input: string): string | undefined {
  const d = normaliseNationalRegisterNumber(input);
  return d && `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}

/** Runs of digits; the text between two of them decides whether they are written as one number. */
const DIGITS = /\d+/g;
/** How people split the number: dots, dashes, spaces (no-break ones too), at most three in a row. */
const SEPARATOR = /^[.\-\s]{1,3}$/;

interface Found {
  digits: string;
  start: number;
  end: number;
}

/**
 * Every valid number in `text`, where it is. A candidate is a sequence of whole digit groups joined
 * by separators, with exactly 11 digits in all: never a piece of a longer run of digits, but found
 * after a date written just before it ("14/03/2026 85 07 30 033 28"); "BE68 5390 0754 7034" holds
 * none. Each group starts at most 11 candidates, so the scan is linear in the text's length.
 */
function scan(text: string): Found[] {
  const groups: Array<{ digits: string; start: number; end: number; joined: boolean }> = [];
  let previousEnd = -1;
  for (const match of text.matchAll(DIGITS)) {
    const start = match.index;
    const joined = previousEnd >= 0 && SEPARATOR.test(text.slice(previousEnd, start));
    groups.push({ digits: match[0], start, end: start + match[0].length, joined });
    previousEnd = start + match[0].length;
  }
  const found: Found[] = [];
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length && digits.length < 11; j++) {
      if (j > i && !groups[j]!.joined) break;
      digits += groups[j]!.digits;
      if (digits.length === 11 && isValidNationalRegisterNumber(digits)) {
        found.push({ digits, start: groups[i]!.start, end: groups[j]!.end });
        i = j;
      }
    }
  }
  return found;
}

/** The valid national register numbers in `text` (11 digits each, in order of appearance, once each). */
export function findNationalRegisterNumbers(text: string): string[] {
  return [...new Set(scan(text).map((f) => f.digits))];
}

/** `text` with every valid number replaced by its mask (src/model/nrn.ts), or by `replace`'s answer; the rest untouched. */
export function maskNationalRegisterNumbers(text: string, replace: (digits: string) => string = maskNationalRegisterNumber): string {
  let out = '';
  let at = 0;
  for (const f of scan(text)) {
    out += text.slice(at, f.start) + replace(f.digits);
    at = f.end;
  }
  return out + text.slice(at);
}

/**
 * Where a record holds a number: the paths (`notes`, `captured.reference.value`, `after.notes`) of
 * the strings in `value` that contain one. `skip` names keys whose strings are checked elsewhere (the
 * dossier's own `nationalRegisterNumber`, stored only with the opt-in).
 */
export function nationalRegisterNumberPaths(value: unknown, skip: ReadonlySet<string> = new Set()): string[] {
  const paths: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (scan(v).length > 0) paths.push(path || 'value');
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) if (!skip.has(key)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  walk(value, '');
  return paths;
}

/** A copy of `value` with every number in its strings masked (keys in `skip` left as they are). */
export function maskNationalRegisterNumbersDeep<T>(value: T, skip: ReadonlySet<string> = new Set()): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskNationalRegisterNumbers(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, item]) => [key, skip.has(key) ? item : walk(item)]));
    return v;
  };
  return walk(value) as T;
}

/** A stored record without national register numbers: each one in its strings masked, a dossier's own field dropped. */
export function withoutNationalRegisterNumbers<T>(record: T): T {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
  const copy = { ...record } as Record<string, unknown>;
  delete copy['nationalRegisterNumber'];
  return maskNationalRegisterNumbersDeep(copy) as T;
}
