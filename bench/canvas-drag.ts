// Dragging a node on the journey canvas in real Chromium against the production build: frames
// drawn per second and pointer moves handled per second while a node is dragged in circles, on a
// 200-node journey beside a 20-node one (the baseline) in the same run, rounds interleaved so load
// from other processes weighs on both alike. Run: npm run bench:canvas
import { chromium, type CDPSession, type Page } from "@playwright/test";
import { locateBrowser } from "../scripts/find-browser/decide-browser.mjs";
import { systemProbe } from "../scripts/find-browser/system-probe.mjs";
import { journeyGridGraph, middleNodeId } from "./lib/journey-grid-graph";
import { createBenchDatabase } from "./lib/bench-db";
import { startServer } from "./lib/bench-server";

const PORT = Number(process.env.BENCH_PORT ?? 3903);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DRAG_MS = Number(process.env.BENCH_DRAG_MS ?? 3000);
const SIZES = [20, 200];
const MARKETER = "marketer@demo.waymark.dev";
const DEMO_PASSWORD = "waymark-demo-2026";

// Main-thread time per second of dragging, from Chromium's own counters (CDP Performance.getMetrics):
// what the drag costs, split into script, style and layout.
const BREAKDOWN = [
  "ScriptDuration",
  "RecalcStyleDuration",
  "LayoutDuration",
  "TaskDuration",
] as const;
type Breakdown = Record<(typeof BREAKDOWN)[number], number>;
type Sample = {
  loadMs: number;
  fps: number;
  movesPerSecond: number;
  rendered: number;
  busy: Breakdown;
};

async function mainThreadTimes(cdp: CDPSession): Promise<Breakdown> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return Object.fromEntries(BREAKDOWN.map((k) => [k, value(k)])) as Breakdown;
}

async function createJourney(page: Page, size: number): Promise<string> {
  const created = await page.request.post("/api/w/demo/journeys", {
    data: { name: `Canvas bench ${size} nodes ${Date.now()}` },
  });
  if (created.status() !== 201) throw new Error(`create failed: ${await created.text()}`);
  const { journey } = (await created.json()) as { journey: { id: string } };
  const patched = await page.request.patch(`/api/w/demo/journeys/${journey.id}`, {
    data: { graph: journeyGridGraph(size) },
  });
  if (patched.status() !== 200) throw new Error(`save failed: ${await patched.text()}`);
  return journey.id;
}

/** Opens the journey, then drags its middle node in circles for DRAG_MS, counting frames. */
async function sample(
  page: Page,
  cdp: CDPSession,
  journeyId: string,
  size: number,
): Promise<Sample> {
  const t0 = performance.now();
  await page.goto(`/w/demo/journeys/${journeyId}`);
  const node = page.getByTestId(`node-${middleNodeId(size)}`);
  await node.waitFor({ state: "visible" });
  const loadMs = performance.now() - t0;
  const rendered = await page.locator(".react-flow__node").count();

  // Scripts as strings: tsx wraps named functions in a helper that does not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__count = false;
    const tick = () => {
      if (window.__count) window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const box = (await node.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.evaluate("window.__count = true");
  const before = await mainThreadTimes(cdp);
  const start = performance.now();
  let moves = 0;
  while (performance.now() - start < DRAG_MS) {
    const a = (moves / 10) % (2 * Math.PI);
    await page.mouse.move(cx + 120 * Math.cos(a), cy + 80 * Math.sin(a));
    moves++;
  }
  const frames = await page.evaluate<number>("window.__count = false, window.__frames");
  const seconds = (performance.now() - start) / 1000;
  const after = await mainThreadTimes(cdp);
  await page.mouse.up();
  // Let autosave store the moved node before the next round navigates away from the page.
  await page.getByTestId("save-state").filter({ hasText: "Saved" }).waitFor();
  const busy = Object.fromEntries(
    BREAKDOWN.map((k) => [k, ((after[k] - before[k]) * 1000) / seconds]),
  ) as Breakdown;
  return { loadMs, fps: frames / seconds, movesPerSecond: moves / seconds, rendered, busy };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const found = locateBrowser(systemProbe());
  if (!found || "error" in found) {
    throw new Error(found?.error ?? "No Chromium: run `node scripts/find-browser.mjs` first.");
  }
  const bench = await createBenchDatabase("waymark_bench_canvas");
  const server = await startServer(PORT, {
    DATABASE_URL: bench.url,
    WAYMARK_SEED_DEMO: "1",
    WAYMARK_DEMO_CREDENTIALS: "fixed",
  });
  const browser = await chromium.launch({
    executablePath: found.path,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({
      baseURL: server.base,
      viewport: { width: 1600, height: 1000 },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(MARKETER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/w\/demo\/journeys$/);

    const journeys = new Map<number, string>();
    for (const size of SIZES) journeys.set(size, await createJourney(page, size));
    // Warm-up: compiles nothing (production build) but fills the server's and browser's caches.
    for (const size of SIZES) await sample(page, cdp, journeys.get(size)!, size);

    const samples = new Map<number, Sample[]>(SIZES.map((s) => [s, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const size of SIZES)
        samples.get(size)!.push(await sample(page, cdp, journeys.get(size)!, size));
    }

    console.info(
      `\ncanvas-drag: ${ROUNDS} rounds, each dragging the middle node in circles for ${DRAG_MS} ms, Chromium ${browser.version()} (${found.source}), viewport 1600×1000; medians`,
    );
    console.info(
      "  nodes | in the DOM | open (ms) | frames/s | pointer moves/s | main thread ms per s: busy (script / style / layout)",
    );
    const figures = SIZES.map((size) => {
      const s = samples.get(size)!;
      const f = {
        size,
        rendered: median(s.map((x) => x.rendered)),
        loadMs: median(s.map((x) => x.loadMs)),
        fps: median(s.map((x) => x.fps)),
        moves: median(s.map((x) => x.movesPerSecond)),
        busy: Object.fromEntries(
          BREAKDOWN.map((k) => [k, median(s.map((x) => x.busy[k]))]),
        ) as Breakdown,
      };
      const ms = (k: keyof Breakdown) => f.busy[k].toFixed(0);
      console.info(
        `  ${String(size).padStart(5)} | ${String(f.rendered).padStart(10)} | ${f.loadMs.toFixed(0).padStart(9)} | ${f.fps.toFixed(1).padStart(8)} | ${f.moves.toFixed(1).padStart(15)} | ${ms("TaskDuration")} (${ms("ScriptDuration")} / ${ms("RecalcStyleDuration")} / ${ms("LayoutDuration")})`,
      );
      return f;
    });
    const [small, big] = figures as [(typeof figures)[0], (typeof figures)[0]];
    console.info(
      `  200 nodes / 20 nodes: frames/s ${(big.fps / small.fps).toFixed(2)}, pointer moves/s ${(big.moves / small.moves).toFixed(2)}, open ${(big.loadMs / small.loadMs).toFixed(2)}×`,
    );
    for (const id of journeys.values()) await page.request.delete(`/api/w/demo/journeys/${id}`);
  } finally {
    await browser.close();
    server.stop();
    await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
