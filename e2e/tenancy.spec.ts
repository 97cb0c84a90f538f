import { expect, test, type Page } from "@playwright/test";
import { signIn, signedOut, sql, storageStateFor, uniqueEmail } from "./helpers";
import { WORKSPACE_MUTATIONS } from "./mutation-routes";

async function signUpElsewhere(page: Page, workspaceName: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Olga Other");
  await page.getByLabel("Work email").fill(uniqueEmail("other"));
  await page.getByLabel("Password").fill("another sturdy passphrase");
  await page.getByLabel("Company or workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create account" }).click();
  // Hashing the password and creating the workspace: over 10 s once when both servers stalled
  // together late in a full run (the same moment as the SMS preview in templates.spec).
  await expect(page).toHaveURL(/\/w\/[\w-]+\/journeys$/, { timeout: 30_000 });
  return new URL(page.url()).pathname.split("/")[2]!;
}

test("a member of one workspace can read and change nothing of another", async ({
  browser,
  request,
}) => {
  const other = await browser.newContext(signedOut);
  const otherPage = await other.newPage();
  const otherSlug = await signUpElsewhere(otherPage, "Tenant B");
  await otherPage.request.post(`/api/w/${otherSlug}/api-keys`, {
    data: { name: "B key", kind: "secret", scopes: ["ingest", "contacts:read"] },
  });
  const [bKey] = await sql<{ id: string }>(
    request,
    "select k.id from api_keys k join workspaces w on w.id = k.workspace_id where w.slug = $1",
    [otherSlug],
  );
  const [demoKey] = await sql<{ id: string }>(
    request,
    "select k.id from api_keys k join workspaces w on w.id = k.workspace_id where w.slug = 'demo' limit 1",
  );
  const [demoMember] = await sql<{ user_id: string }>(
    request,
    "select m.user_id from memberships m join workspaces w on w.id = m.workspace_id where w.slug = 'demo' limit 1",
  );

  // Tenant B's user, through the UI and the routes, against the demo workspace.
  await otherPage.goto("/w/demo/settings/members");
  await expect(otherPage.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  await expect(otherPage.getByText("Ada Admin")).toHaveCount(0);
  await otherPage.goto(`/w/${otherSlug}/journeys`);
  await otherPage.getByRole("button", { name: "Switch workspace" }).click();
  await expect(otherPage.getByRole("menuitem")).toHaveText(["Tenant B", "New workspace"]);
  for (const path of [
    "/api/w/demo",
    "/api/w/demo/members",
    "/api/w/demo/api-keys",
    "/api/w/demo/invites",
  ]) {
    expect((await otherPage.request.get(path)).status(), path).toBe(404);
  }
  // Real ids of the demo workspace where we have them; any other bracket gets an id that exists nowhere.
  const ids: Record<string, string> = {
    workspace: "demo",
    userId: demoMember!.user_id,
    keyId: demoKey!.id,
  };
  for (const r of WORKSPACE_MUTATIONS) {
    const res = await otherPage.request.fetch(
      r.path.replace(/\[(\w+)\]/g, (_, k: string) => ids[k] ?? crypto.randomUUID()),
      { method: r.method, data: r.body },
    );
    expect(res.status(), `${r.method} ${r.path}`).toBe(404);
  }

  // The demo admin against tenant B, including B's ids used under the admin's own workspace.
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/w/${otherSlug}/settings/api-keys`);
  await expect(adminPage.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  expect((await adminPage.request.get(`/api/w/${otherSlug}/api-keys`)).status()).toBe(404);
  expect((await adminPage.request.delete(`/api/w/demo/api-keys/${bKey!.id}`)).status()).toBe(404);
  const [still] = await sql<{ revoked_at: string | null }>(
    request,
    "select revoked_at from api_keys where id = $1",
    [bKey!.id],
  );
  expect(still?.revoked_at).toBeNull();
  await other.close();
  await admin.close();
});

test("an API key only ever speaks for its own workspace", async ({ page, request }) => {
  await signIn(page, "admin@demo.waymark.dev");
  const created = await page.request.post("/api/w/demo/api-keys", {
    data: { name: "tenancy probe", kind: "secret", scopes: ["contacts:read"] },
  });
  const { key } = await created.json();
  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
  expect(await me.json()).toMatchObject({ workspace: { slug: "demo" } });
  // A session cookie is not an API key.
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});
