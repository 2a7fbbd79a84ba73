/**
 * Belgian national register numbers (YY.MM.DD-SSS.CC: birth date, serial, check digits) identify a
 * person for life, so Be Civic never shows or prints one in full: the panel, the dashboard and the PDF
 * all mask through here, in one format. Only the two check digits stay visible, enough for the user to
 * recognise their own number, not to reuse it. (Checking the checksum is src/privacy/nrn.ts.)
 */

const HIDDEN = '••.••.••-•••.';

/** The digits of `input` when it has exactly 11 once dots, dashes and spaces are dropped; else undefined. */
export function normaliseNationalRegisterNumber(input: string): string | undefined {
  if (!/^[\d.\-\s]+$/.test(input)) return undefined;
  const digits = input.replace(/[.\-\s]/g, '');
  return /^\d{11}$/.test(digits) ? digits : undefined;
}

/** `••.••.••-•••.CC`; a value that is not 11 digits shows nothing of itself. */
export function maskNationalRegisterNumber(input: string): string {
  const digits = normaliseNationalRegisterNumber(input);
  return `${HIDDEN}${digits ? digits.slice(9) : '••'}`;
}

/** 11 digits, with or without the usual dots, dash and spaces, not inside a longer number. */
const IN_TEXT = /(?<!\d)\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}(?!\d)/g;

/** Masks every national-register-like number inside a free text (a captured reference, a note). */
export function maskNationalNumbersIn(text: string): string {
  return text.replace(IN_TEXT, (match) => maskNationalRegisterNumber(match));
}
