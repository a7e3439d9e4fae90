/** Plain geometry for the layout: rectangles, points, and the few tests the layout and its tests need. */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function inside(point: Point, rect: Rect, margin = 0): boolean {
  return point.x > rect.x - margin && point.x < rect.x + rect.width + margin && point.y > rect.y - margin && point.y < rect.y + rect.height + margin;
}

export function center(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Whether a point lies on a rectangle's border (within `tolerance`). */
export function onBorder(point: Point, rect: Rect, tolerance = 0.01): boolean {
  const withinX = point.x >= rect.x - tolerance && point.x <= rect.x + rect.width + tolerance;
  const withinY = point.y >= rect.y - tolerance && point.y <= rect.y + rect.height + tolerance;
  const onVertical = Math.abs(point.x - rect.x) <= tolerance || Math.abs(point.x - rect.x - rect.width) <= tolerance;
  const onHorizontal = Math.abs(point.y - rect.y) <= tolerance || Math.abs(point.y - rect.y - rect.height) <= tolerance;
  return (onVertical && withinY) || (onHorizontal && withinX);
}

/** The point at `t` of the cubic Bézier curve p0 c1 c2 p1. */
export function bezierAt(p0: Point, c1: Point, c2: Point, p1: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return { x: a * p0.x + b * c1.x + c * c2.x + d * p1.x, y: a * p0.y + b * c1.y + c * c2.y + d * p1.y };
}

/**
 * Rectangles bucketed on a coarse grid, so "is this point under any chip?" looks at the few chips
 * near the point instead of all of them (edge routing asks it for every sample of every route).
 */
export class RectIndex {
  private readonly buckets = new Map<number, Rect[]>();

  constructor(rects: readonly Rect[], private readonly cell = 96) {
    for (const rect of rects) {
      for (let gx = Math.floor(rect.x / cell); gx <= Math.floor((rect.x + rect.width) / cell); gx++) {
        for (let gy = Math.floor(rect.y / cell); gy <= Math.floor((rect.y + rect.height) / cell); gy++) {
          const key = RectIndex.key(gx, gy);
          const bucket = this.buckets.get(key);
          if (bucket) bucket.push(rect);
          else this.buckets.set(key, [rect]);
        }
      }
    }
  }

  /** Whether the point is inside some rectangle (by `margin`, as `inside`; a margin below the cell size). */
  hits(point: Point, margin = 0): boolean {
    const bucket = this.buckets.get(RectIndex.key(Math.floor(point.x / this.cell), Math.floor(point.y / this.cell)));
    if (bucket?.some(rect => inside(point, rect, margin))) return true;
    if (margin <= 0) return false;
    // A positive margin reaches into the neighbouring cells.
    for (const [dx, dy] of [[-1, 0], [1, 0], [0, -1], [0, 1], [-1, -1], [-1, 1], [1, -1], [1, 1]] as const) {
      const near = this.buckets.get(RectIndex.key(Math.floor((point.x + dx * margin) / this.cell), Math.floor((point.y + dy * margin) / this.cell)));
      if (near?.some(rect => inside(point, rect, margin))) return true;
    }
    return false;
  }

  private static key(gx: number, gy: number): number {
    // Layouts stay far below 2^20 cells in each direction.
    return (gx + 0x80000) * 0x100000 + (gy + 0x80000);
  }
}
