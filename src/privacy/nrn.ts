/**
 * The Belgian national register number (rijksregisternummer / numéro de registre national): checked
 * with its mod-97 checksum before it is ever stored, and masked wherever it is shown, because it is
 * the one identifier that opens a person's whole administrative life.
 */

/** The digits of `input` when it has exactly 11 once dots, dashes and spaces are dropped; else undefined. */
export function normaliseNationalRegisterNumber(input: string): string | undefined {
  if (!/^[\d.\-\s]+$/.test(input)) return undefined;
  const digits = input.replace(/[.\-\s]/g, '');
  return /^\d{11}$/.test(digits) ? digits : undefined;
}

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

/** `YY.MM.DD-SSS.CC` with everything but the checksum hidden: enough to recognise, not to reuse. */
export function maskNationalRegisterNumber(input: string): string {
  const digits = normaliseNationalRegisterNumber(input);
  if (!digits) return '••.••.••-•••.••';
  return `••.••.••-•••.${digits.slice(9)}`;
}

/** The number in its usual written form, for when the user asks to reveal it. */
export function formatNationalRegisterNumber(input: string): string | undefined {
  const d = normaliseNationalRegisterNumber(input);
  return d && `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}
