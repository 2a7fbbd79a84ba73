/**
 * Where the panel docks so that it never covers the page's own primary buttons (submit, "next",
 * "confirm"): the first corner of the viewport where it overlaps none of them. Pure, so it is tested
 * without a browser; the controller feeds it the page's button rectangles.
 */
export type Placement = 'right-top' | 'right-bottom' | 'left-top' | 'left-bottom';
export const PLACEMENTS: readonly Placement[] = ['right-top', 'right-bottom', 'left-top', 'left-bottom'];

/** Buttons that move a procedure forward; the panel must leave them uncovered. */
export const PRIMARY_BUTTONS =
  'button[type=submit], input[type=submit], input[type=image], form button:not([type]), a[class*="primary" i], button[class*="primary" i], [role=button][class*="primary" i]';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The gap kept between the panel and the viewport's edges, in CSS pixels. */
export const MARGIN = 12;

export function boxAt(placement: Placement, size: { width: number; height: number }, viewport: { width: number; height: number }): Box {
  const left = placement.startsWith('right') ? viewport.width - size.width - MARGIN : MARGIN;
  const top = placement.endsWith('top') ? MARGIN : viewport.height - size.height - MARGIN;
  return { left, top, width: size.width, height: size.height };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** The first placement clear of every obstacle, preferring `current` to avoid jumping around; undefined when none is. */
export function choosePlacement(
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  obstacles: Box[],
  current?: Placement,
): Placement | undefined {
  const order = current ? [current, ...PLACEMENTS.filter((p) => p !== current)] : PLACEMENTS;
  return order.find((placement) => {
    const box = boxAt(placement, size, viewport);
    return !obstacles.some((o) => o.width > 0 && o.height > 0 && overlaps(box, o));
  });
}
