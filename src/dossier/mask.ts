/**
 * Belgian national register numbers (YY.MM.DD-XXX.CC: birth date, serial, check digits) identify a
 * person for life, so the extension never shows or prints one in full: every display goes through
 * here. Only the two check digits stay visible, enough for the user to recognise their own number.
 */

/** 11 digits, with or without the usual dots, dash and spaces. */
const NUMBER = /(?<!\d)(\d{2})[.\s]?(\d{2})[.\s]?(\d{2})[-\s]?(\d{3})[.\s]?(\d{2})(?!\d)/g;

/** The masked form of one number: ••.••.••-•••.CC. */
export function maskNumber(digits: string): string {
  const only = digits.replace(/\D/g, '');
  return `••.••.••-•••.${only.slice(-2).padStart(2, '•')}`;
}

/**
 * Masks every national-register-like number inside `text`. With `whole`, the text is known to be a
 * national register number (a captured field of that kind) and is masked even if oddly formatted.
 */
export function maskNationalNumbers(text: string, whole = false): string {
  if (whole) return maskNumber(text);
  return text.replace(NUMBER, (match) => maskNumber(match));
}
