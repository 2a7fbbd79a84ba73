import { describe, expect, it } from 'vitest';
import { formatNationalRegisterNumber, isValidNationalRegisterNumber } from './nrn';
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
