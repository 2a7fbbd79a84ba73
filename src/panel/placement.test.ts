import { describe, expect, it } from 'vitest';
import { boxAt, choosePlacement } from './placement';

const viewport = { width: 1280, height: 800 };
const size = { width: 352, height: 400 };

describe('choosePlacement', () => {
  it('keeps the preferred corner when nothing is in the way', () => {
    expect(choosePlacement(size, viewport, [])).toBe('right-top');
    expect(choosePlacement(size, viewport, [], 'left-bottom')).toBe('left-bottom');
  });
  it('moves away from a primary button under the panel', () => {
    const submit = { left: 1100, top: 100, width: 120, height: 40 };
    expect(choosePlacement(size, viewport, [submit])).toBe('right-bottom');
    const bottomRight = { left: 1100, top: 700, width: 120, height: 40 };
    expect(choosePlacement(size, viewport, [submit, bottomRight])).toBe('left-top');
  });
  it('gives up when every corner would cover a button, and ignores invisible ones', () => {
    const everywhere = (['right-top', 'right-bottom', 'left-top', 'left-bottom'] as const).map((p) => {
      const box = boxAt(p, size, viewport);
      return { left: box.left + 10, top: box.top + 10, width: 20, height: 20 };
    });
    expect(choosePlacement(size, viewport, everywhere)).toBeUndefined();
    expect(choosePlacement(size, viewport, everywhere.map((b) => ({ ...b, width: 0 })))).toBe('right-top');
  });
});
