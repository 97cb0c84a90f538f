import { readFileSync } from "node:fs";

type TNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[] };

/** Where a file's time goes, by package or app area, so a profile reads in a few lines. */
function areaOf(url: string, fn: string): string {
  if (!url)
    return fn === "(garbage collector)" ? "GC" : fn === "(idle)" ? "idle" : `(${fn || "native"})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  if (/\.next\/standalone\/\.next\/server\/chunks/.test(url)) return "app (bundled server chunks)";
  return url.split("/").slice(-2).join("/");
}

/**
 * Self time of a V8 CPU profile (`--cpu-prof`), grouped by area, the idle time apart: what the
 * server's one thread spent its busy time on.
 */
export function summariseProfile(file: string, top = 12) {
  const p = JSON.parse(readFileSync(file, "utf8")) as TProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [i, id] of p.samples.entries()) {
    const dt = p.timeDeltas[i] ?? 0;
    const n = byId.get(id);
    if (!n) continue;
    const area = areaOf(n.callFrame.url, n.callFrame.functionName);
    total += dt;
    self.set(area, (self.get(area) ?? 0) + dt);
    if (area !== "idle") {
      const fn = `${n.callFrame.functionName || "(anonymous)"} — ${area}`;
      fns.set(fn, (fns.get(fn) ?? 0) + dt);
    }
  }
  const idle = self.get("idle") ?? 0;
  const busy = total - idle;
  const rank = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => k !== "idle")
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ what: k, ms: Math.round(us / 1000), share: us / busy }));
  return { seconds: total / 1e6, busyShare: busy / total, areas: rank(self), functions: rank(fns) };
}
