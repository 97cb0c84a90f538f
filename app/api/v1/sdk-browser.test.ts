import { chromium, type Browser } from "@playwright/test";
import { sql } from "drizzle-orm";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { insertApiKey } from "@/db/queries/api-keys";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { generateApiKey } from "@/lib/api-keys/api-key";
import { locateBrowser } from "@/scripts/find-browser/decide-browser.mjs";
import { systemProbe } from "@/scripts/find-browser/system-probe.mjs";
import { OPTIONS, POST } from "./[call]/route";
import { serveRoutes } from "./testing/serve-routes";

// Segment's browser SDK, unchanged, on a page of another origin (a second loopback port) in
// Chromium: loaded from node_modules (its UMD build, chunks included), never from a CDN; its
// settings given inline (`cdnSettings`), so it never asks cdn.segment.com for them either.
const UMD = join(process.cwd(), "node_modules/@segment/analytics-next/dist/umd");

let close: () => Promise<void>;
let api: Awaited<ReturnType<typeof serveRoutes>>;
let site: Server;
let siteBase: string;
let browser: Browser;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let publicKey: string;

/** The page: the SDK with Waymark as its API host; `batching` delivers in batches (flushed at unload). */
const page = (batching: boolean) => `<!doctype html><html><head><meta charset="utf-8">
<script src="/analytics-next/bundles/index.js"></script>
<script>
  const key = ${JSON.stringify(publicKey)};
  window.analytics = AnalyticsNext.AnalyticsBrowser.load(
    {
      writeKey: key,
      cdnURL: location.origin,
      cdnSettings: { integrations: { "Segment.io": {
        apiKey: key,
        apiHost: ${JSON.stringify(api.base.replace(/^http:\/\//, "") + "/api/v1")},
        protocol: "http",
        ${batching ? 'deliveryStrategy: { strategy: "batching", config: { size: 100, timeout: 600000 } },' : ""}
      } } },
    },
    { initialPageview: false },
  );
</script></head><body><h1>Shop</h1></body></html>`;

beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Browser SDK");
  const k = generateApiKey("public");
  await insertApiKey({
    workspaceId: tenant.workspace.id,
    name: "web",
    prefix: k.prefix,
    keyHash: k.hash,
    kind: "public",
    scopes: [],
    createdBy: tenant.user.id,
  });
  publicKey = k.key;
  api = await serveRoutes([{ path: /^\/api\/v1\/(?<call>[a-z]+)$/, handlers: { POST, OPTIONS } }]);
  site = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === "/" || path === "/batching")
        return res.writeHead(200, { "content-type": "text/html" }).end(page(path === "/batching"));
      if (path === "/gone") return res.writeHead(200, { "content-type": "text/html" }).end("bye");
      const file = /^\/analytics-next\/bundles\/([\w.-]+\.js)$/.exec(path)?.[1];
      if (!file) return res.writeHead(404).end();
      const js = await readFile(join(UMD, file)).catch(() => null);
      if (!js) return res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    })();
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  siteBase = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const found = locateBrowser(systemProbe());
  if (!found || "error" in found) throw new Error(found?.error ?? "no Chromium");
  browser = await chromium.launch({ executablePath: found.path, args: ["--no-sandbox"] });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => site?.close(r));
  await api?.close();
  await close();
});

const stored = () =>
  executeRows<{ user_id: string | null; name: string; properties: Record<string, unknown> }>(
    sql`select c.external_id as user_id, e.name, e.properties from events e
        join contacts c on c.id = e.contact_id
        where c.workspace_id = ${tenant.workspace.id} order by e.id`,
  );

async function openPage(path: string) {
  const context = await browser.newContext();
  // Anything asked of a host other than loopback (a CDN) is noted (and fails: no internet here).
  // Not intercepted with context.route: Playwright would then answer CORS preflights itself.
  const outside: string[] = [];
  const p = await context.newPage();
  p.on("request", (r) => {
    if (!["127.0.0.1", "localhost"].includes(new URL(r.url()).hostname)) outside.push(r.url());
  });
  const errors: string[] = [];
  p.on("pageerror", (e) => errors.push(e.message));
  await p.goto(`${siteBase}${path}`);
  return { page: p, context, outside, errors };
}

describe("Segment's analytics-next in Chromium, from another origin", () => {
  it("delivers identify, track and page through the CORS preflight", async () => {
    const { page: p, context, outside, errors } = await openPage("/");
    await p.evaluate(async () => {
      const a = (
        window as unknown as { analytics: Record<string, (...x: unknown[]) => Promise<unknown>> }
      ).analytics;
      await a.identify!("web-1", { email: "Web@example.com", plan: "trial" });
      await a.track!("Signed Up", { source: "pricing" });
      await a.page!("Docs", "Install", { path: "/docs/install" });
    });
    await context.close();
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    const rows = (await stored()).filter((e) => e.user_id === "web-1");
    expect(rows.map((e) => e.name)).toEqual(["$identify", "Signed Up", "$page"]);
    expect(rows[1]!.properties).toMatchObject({ source: "pricing" });
    // The SDK's Authorization header made each call preflighted; every preflight was answered 204.
    const calls = api.requests.filter((r) => r.path.startsWith("/api/v1/"));
    expect(calls.filter((r) => r.method === "OPTIONS").length).toBeGreaterThanOrEqual(1);
    expect(calls.every((r) => r.status === 204 || r.status === 200)).toBe(true);
    expect(calls.filter((r) => r.method === "POST").map((r) => r.path)).toEqual([
      "/api/v1/i",
      "/api/v1/t",
      "/api/v1/p",
    ]);
  });

  it("delivers what is still queued when the visitor leaves: the SDK's keepalive batch, and a beacon", async () => {
    const { page: p, outside } = await openPage("/batching");
    await p.evaluate(
      async ({ url, key }) => {
        const a = (
          window as unknown as { analytics: Record<string, (...x: unknown[]) => Promise<unknown>> }
        ).analytics;
        await a.identify!("web-2");
        // Queued in the SDK's batch (size 100, timeout 10 minutes): only leaving the page sends it.
        await a.track!("Checkout Abandoned", { step: 2 });
        // A page's own beacon at unload: text/plain, the key in the body (no header to preflight).
        addEventListener("pagehide", () =>
          navigator.sendBeacon(
            `${url}/api/v1/t`,
            JSON.stringify({ writeKey: key, userId: "web-2", event: "Tab Closed" }),
          ),
        );
      },
      { url: api.base, key: publicKey },
    );
    expect(api.requests.filter((r) => r.path === "/api/v1/b")).toEqual([]);
    await p.goto(`${siteBase}/gone`);
    await expect
      .poll(
        async () =>
          (await stored())
            .filter((e) => e.user_id === "web-2")
            .map((e) => e.name)
            .sort(),
        { timeout: 20_000 },
      )
      .toEqual(["$identify", "Checkout Abandoned", "Tab Closed"]);
    // The batch went with keepalive through its preflight, the beacon without one. (Polled: the
    // events are committed a moment before the route's answer is recorded.)
    await expect
      .poll(() =>
        api.requests.filter((r) => r.path === "/api/v1/b").map((r) => `${r.method} ${r.status}`),
      )
      .toEqual(["OPTIONS 204", "POST 200"]);
    expect(outside).toEqual([]);
    await p.context().close();
  });

  it("answers a page's calls readably, and refuses a secret key sent from a page", async () => {
    const { page: p, context } = await openPage("/");
    const answers = await p.evaluate(
      async ({ url, publicKey, secretKey }) => {
        const call = async (key: string, event: string) => {
          const res = await fetch(`${url}/api/v1/track`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
            body: JSON.stringify({ userId: "web-3", event }),
          });
          return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
        };
        return [await call(publicKey, "By Public Key"), await call(secretKey, "By Secret Key")];
      },
      { url: api.base, publicKey, secretKey: tenant.key },
    );
    await context.close();
    expect(answers[0]!.status).toBe(200);
    expect(answers[1]).toMatchObject({
      status: 403,
      body: { error: { code: "secret_key_in_browser" } },
    });
    const names = (await stored()).map((e) => e.name);
    expect(names).toContain("By Public Key");
    expect(names).not.toContain("By Secret Key");
  });
});
