import { describe, expect, it } from 'vitest';
import { expiryFor, validityState } from './validity';

describe('expiryFor', () => {
  it('ends the day before the window closes', () => {
    expect(expiryFor({ issued_within: { months: 3 } }, '2026-01-15')).toBe('2026-04-14');
    expect(expiryFor({ valid_for: { years: 10 } }, '2020-02-29')).toBe('2030-02-27');
  });
  it('takes the earlier end when both windows are given', () => {
    expect(expiryFor({ issued_within: { months: 6 }, valid_for: { days: 30 } }, '2026-03-01')).toBe('2026-03-30');
  });
  it('says nothing without a window or a real day', () => {
    expect(expiryFor(undefined, '2026-01-01')).toBeUndefined();
    expect(expiryFor({}, '2026-01-01')).toBeUndefined();
    expect(expiryFor({ valid_for: { years: 1 } }, '2026-02-30')).toBeUndefined();
    expect(expiryFor({ valid_for: { years: 1 } }, 'yesterday')).toBeUndefined();
  });
});

describe('validityState', () => {
  it('is expired after the last valid day and expiring within the warning window', () => {
    expect(validityState('2026-04-14', '2026-04-15')).toEqual({ state: 'expired', daysLeft: -1 });
    expect(validityState('2026-04-14', '2026-04-14')).toEqual({ state: 'expiring', daysLeft: 0 });
    expect(validityState('2026-04-14', '2026-03-01', 30).state).toBe('valid');
    expect(validityState('2026-04-14', '2026-03-20', 30).state).toBe('expiring');
  });
});
