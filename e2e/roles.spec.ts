import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedOut, sql, storageStateFor } from "./helpers";
import { WORKSPACE_MUTATIONS } from "./mutation-routes";

const PAGES = ["journeys", "campaigns", "segments", "templates", "contacts", "dashboards", "settings", "settings/members", "settings/api-keys"];

async function demoIds(request: APIRequestContext) {
  const [ws] = await sql<{ id: string }>(request, "select id from workspaces where slug = 'demo'");
  const [member] = await sql<{ user_id: string }>(request, "select m.user_id from memberships m join users u on u.id = m.user_id where m.workspace_id = $1 and u.email = 'marketer@demo.waymark.dev'", [ws!.id]);
  const [key] = await sql<{ id: string }>(request, "select id from api_keys where workspace_id = $1 and revoked_at is null order by created_at limit 1", [ws!.id]);
  const [invite] = await sql<{ id: string }>(
    request,
    "insert into invites (workspace_id, email, role, token_hash, expires_at) values ($1, 'probe@example.com', 'analyst', md5(random()::text), now() + interval '1 day') returning id",
    [ws!.id],
  );
  return { workspace: "demo", userId: member!.user_id, keyId: key!.id, inviteId: invite!.id };
}

const fill = (path: string, ids: Record<string, string>) => path.replace(/\[(\w+)\]/g, (_, k: string) => ids[k]!);

async function snapshot(request: APIRequestContext) {
  return sql(
    request,
    `select (select name || timezone from workspaces where slug = 'demo') as ws,
            (select count(*)::int from invites) as invites,
            (select count(*)::int from api_keys where revoked_at is null) as keys,
            (select string_agg(user_id::text || role, ',' order by user_id) from memberships) as members`,
  );
}

for (const role of ["analyst", "marketer"] as const) {
  test.describe(`as the ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test("no page shows a control that changes settings", async ({ page }) => {
      for (const p of PAGES) {
        await page.goto(`/w/demo/${p}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.locator("[data-mutates]"), `${p} shows an edit control`).toHaveCount(0);
      }
      await page.goto("/w/demo/settings/members");
      await expect(page.getByTestId("member-admin@demo.waymark.dev")).toContainText("admin");
    });

    test("every workspace mutation answers 403 and changes nothing", async ({ page, request }) => {
      const ids = await demoIds(request);
      const before = await snapshot(request);
      for (const r of WORKSPACE_MUTATIONS) {
        const res = await page.request.fetch(fill(r.path, ids), { method: r.method, data: r.body });
        expect(res.status(), `${r.method} ${r.path}`).toBe(403);
        expect((await res.json()).error.message).toContain(`Your role (${role}) does not allow this`);
      }
      expect(await snapshot(request)).toEqual(before);
      expect((await page.request.get("/api/w/demo/members")).status()).toBe(200);
    });
  });
}

test.describe("as the admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("settings show their controls (the analyst's empty pages are not empty by accident)", async ({ page }) => {
    for (const p of ["settings", "settings/members", "settings/api-keys"]) {
      await page.goto(`/w/demo/${p}`);
      await expect(page.locator("[data-mutates]").first()).toBeVisible();
    }
  });

  test("signed-out calls to every mutation answer 401", async ({ playwright, request }) => {
    const ids = await demoIds(request);
    // Explicitly empty: request contexts otherwise inherit the admin storage state from `use`.
    const anon = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, ...signedOut });
    for (const r of WORKSPACE_MUTATIONS) {
      const res = await anon.fetch(fill(r.path, ids), { method: r.method, data: r.body });
      expect(res.status(), `${r.method} ${r.path}`).toBe(401);
    }
    await anon.dispose();
  });

  test("bad input is refused with the field that is wrong", async ({ page }) => {
    const bad = await page.request.patch("/api/w/demo", { data: { name: "", timezone: "Mars/Olympus" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.fields).toEqual({
      name: "Workspace name must be at least 2 characters",
      timezone: "Unknown time zone (use an IANA name like Europe/Paris)",
    });
    const notJson = await page.request.post("/api/w/demo/api-keys", { headers: { "content-type": "application/json" }, data: Buffer.from("{oops") });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.fields).toEqual({ body: "Body is not valid JSON" });
  });
});
