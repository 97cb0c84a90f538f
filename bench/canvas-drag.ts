// Dragging a node on the journey canvas in real Chromium against the production build: frames
// drawn per second and pointer moves handled per second while a node is dragged in circles, on a
// 200-node journey beside a 20-node one (the baseline) in the same run, rounds interleaved so load
// from other processes weighs on both alike. Run: npm run bench:canvas
import { chromium, type Page } from "@playwright/test";
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

type Sample = { loadMs: number; fps: number; movesPerSecond: number; rendered: number };

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
async function sample(page: Page, journeyId: string, size: number): Promise<Sample> {
  const t0 = performance.now();
  await page.goto(`/w/demo/journeys/${journeyId}`);
  const node = page.getByTestId(`node-${middleNodeId(size)}`);
  await node.waitFor({ state: "visible" });
  const loadMs = performance.now() - t0;
  const rendered = await page.locator(".react-flow__node").count();

  await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __count: boolean };
    w.__frames = 0;
    w.__count = false;
    const tick = () => {
      if (w.__count) w.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = (await node.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.evaluate(() => ((window as unknown as { __count: boolean }).__count = true));
  const start = performance.now();
  let moves = 0;
  while (performance.now() - start < DRAG_MS) {
    const a = (moves / 10) % (2 * Math.PI);
    await page.mouse.move(cx + 120 * Math.cos(a), cy + 80 * Math.sin(a));
    moves++;
  }
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __count: boolean };
    w.__count = false;
    return w.__frames;
  });
  const seconds = (performance.now() - start) / 1000;
  await page.mouse.up();
  return { loadMs, fps: frames / seconds, movesPerSecond: moves / seconds, rendered };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const found = locateBrowser(systemProbe());
  if (!found || "error" in found) {
    throw new Error(found?.error ?? "No Chromium: run `node scripts/find-browser.mjs` first.");
  }
  const bench = await createBenchDatabase("waymark_bench_canvas");
  const server = await startServer(PORT, { DATABASE_URL: bench.url, WAYMARK_SEED_DEMO: "1" });
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
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(MARKETER);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/w\/demo\/journeys$/);

    const journeys = new Map<number, string>();
    for (const size of SIZES) journeys.set(size, await createJourney(page, size));
    // Warm-up: compiles nothing (production build) but fills the server's and browser's caches.
    for (const size of SIZES) await sample(page, journeys.get(size)!, size);

    const samples = new Map<number, Sample[]>(SIZES.map((s) => [s, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const size of SIZES)
        samples.get(size)!.push(await sample(page, journeys.get(size)!, size));
    }

    console.info(
      `\ncanvas-drag: ${ROUNDS} rounds, each dragging the middle node in circles for ${DRAG_MS} ms, Chromium ${browser.version()} (${found.source}), viewport 1600×1000; medians`,
    );
    console.info("  nodes | in the DOM | open (ms) | frames/s | pointer moves/s");
    const figures = SIZES.map((size) => {
      const s = samples.get(size)!;
      const f = {
        size,
        rendered: median(s.map((x) => x.rendered)),
        loadMs: median(s.map((x) => x.loadMs)),
        fps: median(s.map((x) => x.fps)),
        moves: median(s.map((x) => x.movesPerSecond)),
      };
      console.info(
        `  ${String(size).padStart(5)} | ${String(f.rendered).padStart(10)} | ${f.loadMs.toFixed(0).padStart(9)} | ${f.fps.toFixed(1).padStart(8)} | ${f.moves.toFixed(1).padStart(15)}`,
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
