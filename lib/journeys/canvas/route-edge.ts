export type TPoint = { x: number; y: number };
export type TRect = { id: string; x: number; y: number; width: number; height: number };

/** Room kept between an edge and any node it passes, and the first drop below an output. */
const MARGIN = 16;
const DROP = 32;
const BEND_COST = 40;

type Box = { x0: number; y0: number; x1: number; y1: number; id: string };

const box = (r: TRect): Box => ({
  id: r.id,
  x0: r.x - MARGIN,
  y0: r.y - MARGIN,
  x1: r.x + r.width + MARGIN,
  y1: r.y + r.height + MARGIN,
});

/** Whether the axis-parallel segment a→b crosses the inside of `b`. */
function hits(a: TPoint, c: TPoint, b: Box): boolean {
  if (a.x === c.x) {
    const [lo, hi] = a.y < c.y ? [a.y, c.y] : [c.y, a.y];
    return a.x > b.x0 && a.x < b.x1 && hi > b.y0 && lo < b.y1;
  }
  const [lo, hi] = a.x < c.x ? [a.x, c.x] : [c.x, a.x];
  return a.y > b.y0 && a.y < b.y1 && hi > b.x0 && lo < b.x1;
}

/** Clear of every node; the first segment may leave the source's box, the last enter the target's. */
function clear(points: TPoint[], boxes: Box[], source: string, target: string): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const c = points[i]!;
    for (const b of boxes) {
      if (i === 1 && b.id === source) continue;
      if (i === points.length - 1 && b.id === target) continue;
      if (hits(a, c, b)) return false;
    }
  }
  return true;
}

const between = (a: number, b: number, c: number) => (a <= b && b <= c) || (a >= b && b >= c);

/** Drops repeated points and the middle of three in a straight run, so corners are real bends. */
function simplify(points: TPoint[]): TPoint[] {
  const out: TPoint[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && last.x === p.x && last.y === p.y) continue;
    const prev = out.at(-2);
    // A U-turn (down, then back up the same line) is kept: merging it would cut through a node.
    const straight =
      prev &&
      last &&
      ((prev.x === last.x && last.x === p.x && between(prev.y, last.y, p.y)) ||
        (prev.y === last.y && last.y === p.y && between(prev.x, last.x, p.x)));
    if (straight) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

function cost(points: TPoint[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++)
    length += Math.abs(points[i]!.x - points[i - 1]!.x) + Math.abs(points[i]!.y - points[i - 1]!.y);
  return length + (points.length - 2) * BEND_COST;
}

/**
 * An orthogonal path from an output (bottom of its node) to an input (top of its node) that does
 * not pass through any other node. It tries the plain step first (down, across, down); when that
 * crosses a node, it runs the edge down a free vertical lane beside the nodes in the way, choosing
 * the shortest clear route (fewest bends break ties). Nodes are the canvas's boxes; the edge's own
 * source and target are included, so an edge that goes back up runs around them too. With no clear
 * route (a crowded hand-drawn canvas), the plain step is returned.
 */
export function routeEdge(
  s: TPoint,
  t: TPoint,
  rects: TRect[],
  source: string,
  target: string,
): TPoint[] {
  const top = Math.min(s.y, t.y) - DROP;
  const bottom = Math.max(s.y, t.y) + DROP;
  const boxes = rects.map(box).filter((b) => b.y1 > top && b.y0 < bottom);
  const mid = Math.round((s.y + t.y) / 2);
  const step = (y: number) => simplify([s, { x: s.x, y }, { x: t.x, y }, t]);
  const plain = step(t.y - s.y >= 2 * DROP ? mid : s.y + DROP);
  if (t.y - s.y >= 2 * DROP) {
    for (const y of [mid, s.y + DROP, t.y - DROP]) {
      const p = step(y);
      if (clear(p, boxes, source, target)) return p;
    }
  }

  // Lanes: beside every node in the way, and straight under the source or above the target.
  const lanes = new Set<number>([s.x, t.x]);
  for (const b of boxes) {
    lanes.add(b.x0 - 1);
    lanes.add(b.x1 + 1);
  }
  // Where to cross over: just below the source or above the target, or halfway between them.
  const out = [s.y + DROP, mid].filter((y) => y >= s.y + DROP / 2);
  const into = [t.y - DROP, mid].filter((y) => y <= t.y - DROP / 2);
  const candidates: { p: TPoint[]; c: number }[] = [];
  for (const x of lanes)
    for (const y1 of out)
      for (const y2 of into) {
        const p = simplify([
          s,
          { x: s.x, y: y1 },
          { x, y: y1 },
          { x, y: y2 },
          { x: t.x, y: y2 },
          t,
        ]);
        candidates.push({ p, c: cost(p) });
      }
  // Cheapest first, so only the routes up to the first clear one are checked against the nodes.
  candidates.sort((a, b) => a.c - b.c);
  const best = candidates.find((k) => clear(k.p, boxes, source, target))?.p;
  return best ?? plain;
}

/** An SVG path through orthogonal points with rounded corners (radius capped by the segments). */
export function roundedPath(points: TPoint[], radius = 8): string {
  if (points.length < 2) return "";
  const [first] = points;
  let d = `M ${first!.x},${first!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i - 1]!;
    const c = points[i]!;
    const n = points[i + 1]!;
    const r = Math.min(
      radius,
      (Math.abs(c.x - p.x) + Math.abs(c.y - p.y)) / 2,
      (Math.abs(n.x - c.x) + Math.abs(n.y - c.y)) / 2,
    );
    const a = { x: c.x - Math.sign(c.x - p.x) * r, y: c.y - Math.sign(c.y - p.y) * r };
    const b = { x: c.x + Math.sign(n.x - c.x) * r, y: c.y + Math.sign(n.y - c.y) * r };
    d += ` L ${a.x},${a.y} Q ${c.x},${c.y} ${b.x},${b.y}`;
  }
  const last = points.at(-1)!;
  return `${d} L ${last.x},${last.y}`;
}
