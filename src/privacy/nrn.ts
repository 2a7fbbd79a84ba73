/**
 * The Belgian national register number (rijksregisternummer / numéro de registre national): checked
 * with its mod-97 checksum before it is ever stored, because it is the one identifier that opens a
 * person's whole administrative life. Reading and masking it are in src/model/nrn.ts.
 */
import { normaliseNationalRegisterNumber } from '../model/nrn';

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
