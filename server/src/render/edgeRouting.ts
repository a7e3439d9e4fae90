/**
 * Routes lineage edges between chips. Edges are drawn beneath the chips, so a line that ran under
 * a third chip would seem to end there and tell a wrong lineage: each edge tries the sides facing
 * each other (one curve) and a loop around one side (out into the free band beside the chips,
 * along it, and back in), and takes the route that crosses the fewest chips, then the shortest.
 * Ends sharing a chip's side are spread along it; loops sharing a band get lanes of their own.
 */
import { bezierAt, Point, Rect, RectIndex } from './geometry';

export type Side = 'left' | 'right' | 'top' | 'bottom';

/** One cubic Bézier piece of a route (a straight piece has its controls on the line). */
export interface Segment {
  readonly p0: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly p1: Point;
}

export interface Route {
  readonly start: Point;
  readonly end: Point;
  readonly fromSide: Side;
  readonly toSide: Side;
  readonly segments: readonly Segment[];
  /** How many sample points lie under chips: 0 when the route is clear. */
  readonly hidden: number;
  /** For a route along a lane: the band it runs in (along x or y) and how many lanes that band holds. */
  readonly lane?: { readonly axis: 'x' | 'y'; readonly band: readonly [number, number]; readonly count: number };
}

/** The free band beyond a chip's side, as [from, to] along x (left, right) or y (top, bottom). */
export type Band = (chip: number, side: Side) => readonly [number, number];

const SAMPLES_PER_SEGMENT = 16;
const horizontal = (side: Side) => side === 'left' || side === 'right';

export function routeEdges(pairs: readonly { from: number; to: number }[], chips: readonly Rect[], band: Band): Route[] {
  const index = new RectIndex(chips);
  const route = (from: number, fromSide: Side, fromOffset: number, to: number, toSide: Side, toOffset: number, lane: number | undefined) =>
    routeBetween(chips, index, from, fromSide, fromOffset, to, toSide, toOffset, lane);
  const sides = pairs.map(({ from, to }) => bestSides(from, to, chips, band, route));
  const offsets = spreadEnds(pairs, sides, chips);
  const lanes = assignLanes(pairs, sides, offsets, chips, band);
  return pairs.map(({ from, to }, i) => {
    const lane = lanes[i];
    const routed = route(from, sides[i]![0], offsets[i]!.from, to, sides[i]![1], offsets[i]!.to, lane?.at);
    return lane ? { ...routed, lane: { axis: horizontal(sides[i]![0]) ? 'x' : 'y', band: lane.band, count: lane.count } } : routed;
  });
}

type RouteFn = (from: number, fromSide: Side, fromOffset: number, to: number, toSide: Side, toOffset: number, lane: number | undefined) => Route;

function bestSides(from: number, to: number, chips: readonly Rect[], band: Band, route: RouteFn): [Side, Side] {
  const a = chips[from]!, b = chips[to]!;
  const candidates: [Side, Side][] = [];
  if (b.x >= a.x + a.width) candidates.push(['right', 'left']);
  if (a.x >= b.x + b.width) candidates.push(['left', 'right']);
  if (b.y >= a.y + a.height) candidates.push(['bottom', 'top']);
  if (a.y >= b.y + b.height) candidates.push(['top', 'bottom']);
  candidates.push(['right', 'right'], ['left', 'left'], ['bottom', 'bottom'], ['top', 'top']);
  let chosen = candidates[0]!;
  let chosenScore = Infinity;
  for (const [fromSide, toSide] of candidates) {
    const lanes = sharedBand(band, from, fromSide, to, toSide);
    const candidate = route(from, fromSide, 0, to, toSide, 0, lanes && middle(lanes));
    const score = candidate.hidden * 1000 + length(candidate);
    if (score < chosenScore) [chosen, chosenScore] = [[fromSide, toSide], score];
  }
  return chosen;
}

/** Offsets along the chip sides, so ends that share a side do not meet in one point. */
function spreadEnds(pairs: readonly { from: number; to: number }[], sides: readonly [Side, Side][], chips: readonly Rect[]): { from: number; to: number }[] {
  const groups = new Map<string, { edge: number; end: 'from' | 'to'; along: number }[]>();
  const add = (chip: number, side: Side, edge: number, end: 'from' | 'to', other: Rect) => {
    const key = `${chip}:${side}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ edge, end, along: horizontal(side) ? other.y : other.x });
  };
  pairs.forEach(({ from, to }, edge) => {
    add(from, sides[edge]![0], edge, 'from', chips[to]!);
    add(to, sides[edge]![1], edge, 'to', chips[from]!);
  });
  const offsets = pairs.map(() => ({ from: 0, to: 0 }));
  for (const [key, ends] of groups) {
    if (ends.length < 2) continue;
    const [chip, side] = key.split(':') as [string, Side];
    const rect = chips[Number(chip)]!;
    const length = horizontal(side) ? rect.height : rect.width;
    const spacing = Math.min(length / (ends.length + 1), horizontal(side) ? 7 : 20);
    ends.sort((a, b) => a.along - b.along || a.edge - b.edge);
    ends.forEach((end, k) => { offsets[end.edge]![end.end] = (k - (ends.length - 1) / 2) * spacing; });
  }
  return offsets;
}

/**
 * The band both ends' sides open onto (the gap between two chips, or the padding beside a cell's
 * chips), where a route can run along the chips in a lane; undefined when the sides share none.
 */
function sharedBand(band: Band, from: number, fromSide: Side, to: number, toSide: Side): readonly [number, number] | undefined {
  if (horizontal(fromSide) !== horizontal(toSide)) return undefined;
  const [a0, a1] = band(from, fromSide);
  const [b0, b1] = band(to, toSide);
  const lo = Math.max(a0, b0), hi = Math.min(a1, b1);
  return hi - lo >= 4 ? [lo, hi] : undefined;
}

const middle = ([lo, hi]: readonly [number, number]) => (lo + hi) / 2;

/** Lanes: routes in one band whose spans overlap run side by side, spread evenly across the band. */
interface Lane {
  readonly at: number;
  readonly band: readonly [number, number];
  readonly count: number;
}

function assignLanes(pairs: readonly { from: number; to: number }[], sides: readonly [Side, Side][], offsets: readonly { from: number; to: number }[], chips: readonly Rect[], band: Band): (Lane | undefined)[] {
  const lanes: (Lane | undefined)[] = pairs.map(() => undefined);
  const byBand = new Map<string, { edge: number; lo: number; hi: number; band: readonly [number, number] }[]>();
  pairs.forEach(({ from, to }, edge) => {
    const [fromSide, toSide] = sides[edge]!;
    const shared = sharedBand(band, from, fromSide, to, toSide);
    if (!shared) return;
    const s = anchor(chips[from]!, fromSide, offsets[edge]!.from), e = anchor(chips[to]!, toSide, offsets[edge]!.to);
    const [sa, ea] = horizontal(fromSide) ? [s.y, e.y] : [s.x, e.x];
    const key = `${horizontal(fromSide) ? 'x' : 'y'}:${shared[0]}:${shared[1]}`;
    if (!byBand.has(key)) byBand.set(key, []);
    byBand.get(key)!.push({ edge, lo: Math.min(sa, ea), hi: Math.max(sa, ea), band: shared });
  });
  for (const routes of byBand.values()) {
    routes.sort((a, b) => a.lo - b.lo || a.hi - b.hi || a.edge - b.edge);
    const laneEnds: number[] = [];
    const laneOf = routes.map(r => {
      let lane = laneEnds.findIndex(end => end < r.lo - 3);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = r.hi;
      return lane;
    });
    routes.forEach((r, k) => {
      const [lo, hi] = r.band;
      lanes[r.edge] = { at: lo + ((hi - lo) * (laneOf[k]! + 1)) / (laneEnds.length + 1), band: r.band, count: laneEnds.length };
    });
  }
  return lanes;
}

function anchor(rect: Rect, side: Side, offset: number): Point {
  switch (side) {
    case 'left': return { x: rect.x, y: rect.y + rect.height / 2 + offset };
    case 'right': return { x: rect.x + rect.width, y: rect.y + rect.height / 2 + offset };
    case 'top': return { x: rect.x + rect.width / 2 + offset, y: rect.y };
    case 'bottom': return { x: rect.x + rect.width / 2 + offset, y: rect.y + rect.height };
  }
}

const line = (p0: Point, p1: Point): Segment => ({
  p0, p1, c1: { x: p0.x + (p1.x - p0.x) / 3, y: p0.y + (p1.y - p0.y) / 3 }, c2: { x: p0.x + (2 * (p1.x - p0.x)) / 3, y: p0.y + (2 * (p1.y - p0.y)) / 3 },
});

function routeBetween(chips: readonly Rect[], index: RectIndex, from: number, fromSide: Side, fromOffset: number, to: number, toSide: Side, toOffset: number, lane: number | undefined): Route {
  const start = anchor(chips[from]!, fromSide, fromOffset);
  const end = anchor(chips[to]!, toSide, toOffset);
  const segments = lane !== undefined ? alongLane(start, end, fromSide, lane) : facing(start, end, fromSide, toSide);
  let hidden = 0;
  for (const segment of segments) {
    for (let i = 1; i < SAMPLES_PER_SEGMENT; i++) {
      const point = bezierAt(segment.p0, segment.c1, segment.c2, segment.p1, i / SAMPLES_PER_SEGMENT);
      // Strictly inside a chip by more than a pixel: running along a chip's own side does not count.
      if (index.hits(point, -1)) hidden++;
    }
  }
  return { start, end, fromSide, toSide, segments, hidden };
}

/** One curve leaving and entering the chips square to their sides (an S, or a wide arc for a loop). */
function facing(start: Point, end: Point, side: Side, toSide: Side): Segment[] {
  if (side === toSide) {
    // A loop with no band shared: both controls on one line beyond the outermost of the two sides.
    const reach = 24;
    const out = side === 'right' ? Math.max(start.x, end.x) + reach : side === 'left' ? Math.min(start.x, end.x) - reach
      : side === 'bottom' ? Math.max(start.y, end.y) + reach : Math.min(start.y, end.y) - reach;
    return horizontal(side)
      ? [{ p0: start, c1: { x: out, y: start.y }, c2: { x: out, y: end.y }, p1: end }]
      : [{ p0: start, c1: { x: start.x, y: out }, c2: { x: end.x, y: out }, p1: end }];
  }
  if (horizontal(side)) {
    const reach = Math.max(14, Math.abs(end.x - start.x) * 0.45) * (side === 'right' ? 1 : -1);
    return [{ p0: start, c1: { x: start.x + reach, y: start.y }, c2: { x: end.x - reach, y: end.y }, p1: end }];
  }
  const reach = Math.max(10, Math.abs(end.y - start.y) * 0.45) * (side === 'bottom' ? 1 : -1);
  return [{ p0: start, c1: { x: start.x, y: start.y + reach }, c2: { x: end.x, y: end.y - reach }, p1: end }];
}

/** Out to the lane with a rounded corner, along it, and in to the other chip. */
function alongLane(start: Point, end: Point, side: Side, lane: number): Segment[] {
  // Work in (across, along) coordinates: across leaves the side, along runs beside it.
  const h = horizontal(side);
  const across = (p: Point) => (h ? p.x : p.y);
  const along = (p: Point) => (h ? p.y : p.x);
  const at = (a: number, b: number): Point => (h ? { x: a, y: b } : { x: b, y: a });
  const span = along(end) - along(start);
  const dir = Math.sign(span) || 1;
  const radius = Math.min(6, Math.abs(span) / 2);
  const out1 = at(lane, along(start) + dir * radius);
  const out2 = at(lane, along(end) - dir * radius);
  const segments: Segment[] = [{ p0: start, c1: at(lane, along(start)), c2: at(lane, along(start)), p1: out1 }];
  if (Math.abs(span) > 2 * radius) segments.push(line(out1, out2));
  segments.push({ p0: out2, c1: at(lane, along(end)), c2: at((lane + across(end)) / 2, along(end)), p1: end });
  return segments;
}

function length(route: Route): number {
  let total = 0;
  for (const s of route.segments) {
    let previous = s.p0;
    for (let i = 1; i <= SAMPLES_PER_SEGMENT; i++) {
      const point = bezierAt(s.p0, s.c1, s.c2, s.p1, i / SAMPLES_PER_SEGMENT);
      total += Math.hypot(point.x - previous.x, point.y - previous.y);
      previous = point;
    }
  }
  return total;
}
