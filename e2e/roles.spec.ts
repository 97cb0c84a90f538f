import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedOut, sql, storageStateFor } from "./helpers";
import { AREA_PAGES, SETTINGS_PAGES } from "./pages";
import { PLACEHOLDER_IDS, SNAPSHOT_COLUMNS, WORKSPACE_MUTATIONS } from "./mutation-routes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Placeholders filled with a constant rather than a row's id (see PLACEHOLDER_IDS). */
const CONSTANT_IDS: Record<string, string> = { action: "pause", kind: "webhook" };

async function demoIds(request: APIRequestContext) {
  const [ws] = await sql<{ id: string }>(request, "select id from workspaces where slug = 'demo'");
  const ids: Record<string, string> = { workspace: "demo" };
  for (const [name, query] of Object.entries(PLACEHOLDER_IDS)) {
    const [row] = await sql<{ id: string }>(request, query, [ws!.id]);
    expect(row, `no ${name} in the demo workspace`).toEqual({
      id: CONSTANT_IDS[name] ?? expect.stringMatching(UUID),
    });
    ids[name] = row!.id;
  }
  return ids;
}

const fill = (path: string, ids: Record<string, string>) =>
  path.replace(/\[(\w+)\]/g, (_, k: string) => ids[k]!);

async function snapshot(request: APIRequestContext) {
  return sql(
    request,
    `select ${Object.entries(SNAPSHOT_COLUMNS)
      .map(([k, v]) => `${v} as ${k}`)
      .join(", ")}`,
  );
}

// Analysts change nothing anywhere; marketers edit content but not settings.
const REFUSED = {
  analyst: { pages: [...AREA_PAGES, ...SETTINGS_PAGES], mutations: WORKSPACE_MUTATIONS },
  marketer: {
    pages: SETTINGS_PAGES,
    mutations: WORKSPACE_MUTATIONS.filter((m) => m.permission === "manage"),
  },
};

for (const role of ["analyst", "marketer"] as const) {
  test.describe(`as the ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test("no page shows a control the role may not use", async ({ page }) => {
      for (const p of REFUSED[role].pages) {
        await page.goto(`/w/demo/${p}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.locator("[data-mutates]"), `${p} shows an edit control`).toHaveCount(0);
      }
      await page.goto("/w/demo/settings/members");
      await expect(page.getByTestId("member-admin@demo.waymark.dev")).toContainText("admin");
    });

    test("every mutation the role may not make answers 403 and changes nothing", async ({
      page,
      request,
    }) => {
      const ids = await demoIds(request);
      const before = await snapshot(request);
      for (const r of REFUSED[role].mutations) {
        const res = await page.request.fetch(fill(r.path, ids), { method: r.method, data: r.body });
        expect(res.status(), `${r.method} ${r.path}`).toBe(403);
        expect((await res.json()).error.message).toContain(
          `Your role (${role}) does not allow this`,
        );
      }
      expect(await snapshot(request)).toEqual(before);
      expect((await page.request.get("/api/w/demo/members")).status()).toBe(200);
    });
  });
}

test.describe("as the admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("settings show their controls (the analyst's empty pages are not empty by accident)", async ({
    page,
  }) => {
    for (const p of ["settings", "settings/members", "settings/api-keys"]) {
      await page.goto(`/w/demo/${p}`);
      await expect(page.locator("[data-mutates]").first()).toBeVisible();
    }
  });

  test("signed-out calls to every mutation answer 401", async ({ playwright, request }) => {
    const ids = await demoIds(request);
    // Explicitly empty: request contexts otherwise inherit the admin storage state from `use`.
    const anon = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      ...signedOut,
    });
    for (const r of WORKSPACE_MUTATIONS) {
      const res = await anon.fetch(fill(r.path, ids), { method: r.method, data: r.body });
      expect(res.status(), `${r.method} ${r.path}`).toBe(401);
    }
    await anon.dispose();
  });

  test("bad input is refused with the field that is wrong", async ({ page }) => {
    const bad = await page.request.patch("/api/w/demo", {
      data: { name: "", timezone: "Mars/Olympus" },
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.fields).toEqual({
      name: "Workspace name must be at least 2 characters",
      timezone: "Unknown time zone (use an IANA name like Europe/Paris)",
    });
    const notJson = await page.request.post("/api/w/demo/api-keys", {
      headers: { "content-type": "application/json" },
      data: Buffer.from("{oops"),
    });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.fields).toEqual({ body: "Body is not valid JSON" });
  });
});
