import { describe, expect, it } from 'vitest';
import {
  findNationalRegisterNumbers,
  formatNationalRegisterNumber,
  isValidNationalRegisterNumber,
  maskNationalRegisterNumbers,
  nationalRegisterNumberPaths,
  withoutNationalRegisterNumbers,
} from './nrn';
import { maskNationalRegisterNumber, normaliseNationalRegisterNumber } from '../model/nrn';

/** A number with the right check digits for a birth date and sequence, before or after 2000. */
function make(yymmdd: string, seq: string, after2000: boolean): string {
  const base = Number(`${yymmdd}${seq}`) + (after2000 ? 2_000_000_000 : 0);
  return `${yymmdd}${seq}${String(97 - (base % 97)).padStart(2, '0')}`;
}

describe('national register number', () => {
  it('accepts the check digits of people born before and after 2000, in any usual writing', () => {
    expect(isValidNationalRegisterNumber('85.07.30-033.28')).toBe(true);
    expect(isValidNationalRegisterNumber('85073003328')).toBe(true);
    expect(isValidNationalRegisterNumber(make('010203', '123', true))).toBe(true);
    expect(isValidNationalRegisterNumber(make('991231', '998', false))).toBe(true);
  });

  it('refuses wrong check digits, wrong lengths and other characters', () => {
    expect(isValidNationalRegisterNumber('85.07.30-033.29')).toBe(false);
    expect(isValidNationalRegisterNumber('8507300332')).toBe(false);
    expect(isValidNationalRegisterNumber('850730033288')).toBe(false);
    expect(isValidNationalRegisterNumber('85O73003328')).toBe(false);
    expect(isValidNationalRegisterNumber('')).toBe(false);
    // Every single-digit typo of a valid number is caught by mod 97.
    const valid = '85073003328';
    for (let i = 0; i < 11; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        if (typo !== valid) expect(isValidNationalRegisterNumber(typo), typo).toBe(false);
      }
    }
  });

  it('masks everything but the check digits, and formats on reveal', () => {
    expect(maskNationalRegisterNumber('85073003328')).toBe('••.••.••-•••.28');
    expect(maskNationalRegisterNumber('garbage')).toBe('••.••.••-•••.••');
    expect(maskNationalRegisterNumber('85073003328')).not.toMatch(/8507|033/);
    expect(formatNationalRegisterNumber('85073003328')).toBe('85.07.30-033.28');
    expect(normaliseNationalRegisterNumber('85 07 30 033 28')).toBe('85073003328');
    expect(normaliseNationalRegisterNumber('85/07/30')).toBeUndefined();
  });
});

describe('the scanner', () => {
  const born2001 = make('010101', '234', true);

  it('finds a number in every usual writing, and only whole numbers with valid check digits', () => {
    for (const written of ['85.07.30-033.28', '850730 033 28', '85073003328', '85 07 30 033 28', '85-07-30-033-28', '850730-033.28', '85.07.30 - 033.28', '85\u00a007\u00a030\u00a0033\u00a028']) {
      expect(findNationalRegisterNumbers(`n° ${written}, merci`), written).toEqual(['85073003328']);
    }
    expect(findNationalRegisterNumbers(`né en 2001 : ${born2001.slice(0, 6)}-${born2001.slice(6, 9)}.${born2001.slice(9)}`)).toEqual([born2001]);
    // A piece of a longer number, a wrong checksum, ten digits, an IBAN, a phone number, dates.
    expect(findNationalRegisterNumbers('850730033281 985073003328 85073003327 8507300332 BE68 5390 0754 7034 0470 12 34 56 14/03/2026')).toEqual([]);
    // After a date written just before it, and twice the same number counted once.
    expect(findNationalRegisterNumbers('14/03/2026 85 07 30 033 28 (85073003328)')).toEqual(['85073003328']);
    expect(findNationalRegisterNumbers(`${born2001} et 85073003328`)).toEqual([born2001, '85073003328']);
  });

  it('masks each number with the one mask and leaves the rest of the text as it was', () => {
    expect(maskNationalRegisterNumbers('Délivré le 14/03/2026 à Jean, RN 85.07.30-033.28.')).toBe('Délivré le 14/03/2026 à Jean, RN ••.••.••-•••.28.');
    expect(maskNationalRegisterNumbers('rien 85.07.30-033.27')).toBe('rien 85.07.30-033.27');
    expect(maskNationalRegisterNumbers('x 85073003328 y', () => '')).toBe('x  y');
  });

  it('names where a record holds one and masks it there, the dossier field dropped', () => {
    const record = { label: 'Me', notes: 'RN 85073003328', captured: { ref: { value: '85 07 30 033 28', capturedAt: 1 } }, list: ['ok', 'RN85073003328'], nationalRegisterNumber: '85073003328' };
    expect(nationalRegisterNumberPaths(record, new Set(['nationalRegisterNumber']))).toEqual(['notes', 'captured.ref.value', 'list[1]']);
    expect(nationalRegisterNumberPaths(record)).toEqual(['notes', 'captured.ref.value', 'list[1]', 'nationalRegisterNumber']);
    const clean = withoutNationalRegisterNumbers(record);
    expect(clean).toEqual({ label: 'Me', notes: 'RN ••.••.••-•••.28', captured: { ref: { value: '••.••.••-•••.28', capturedAt: 1 } }, list: ['ok', 'RN••.••.••-•••.28'] });
    expect(withoutNationalRegisterNumbers(null)).toBeNull();
  });

  it('is linear: a long text full of digit groups is scanned at once', () => {
    const text = '12 34 '.repeat(50_000);
    expect(findNationalRegisterNumbers(text)).toEqual([]);
  });
});
