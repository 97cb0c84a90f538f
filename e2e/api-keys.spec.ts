import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sql, storageStateFor } from "./helpers";

test.use({ storageState: storageStateFor("admin") });

test("an admin creates a key, it is shown once and stored hashed, it works until revoked", async ({
  page,
  request,
}) => {
  await page.goto("/w/demo/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Name is required")).toBeVisible();
  await page.getByLabel("Name").fill("Checkout service");
  // A secret key starts with the ingest scope; one without any scope is refused.
  await page.getByRole("checkbox", { name: /^ingest/ }).uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Pick at least one scope")).toBeVisible();
  await page.getByRole("checkbox", { name: /^ingest/ }).check();
  await page.getByRole("checkbox", { name: /^contacts:read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^wm_sk_[\w-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();

  const row = page.getByTestId("api-key-Checkout service");
  await expect(row).toContainText(key.slice(0, 14));
  await expect(row).not.toContainText(key.slice(14));
  await expect(row.getByTestId("key-kind")).toHaveText(/secret\s*ingest, contacts:read/);
  await expect(row.getByTestId("last-used")).toHaveText("Never");

  const stored = await sql<{ key_hash: string }>(
    request,
    "select key_hash from api_keys where name = 'Checkout service'",
  );
  expect(stored[0]?.key_hash).toBe(createHash("sha256").update(key).digest("hex"));
  const leaked = await sql(
    request,
    "select 1 from api_keys where key_hash like $1 or prefix = $2",
    [`%${key.slice(6)}%`, key],
  );
  expect(leaked).toHaveLength(0);

  const bearer = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
  expect(await bearer.json()).toEqual({
    workspace: { slug: "demo", name: "Acme Demo" },
    apiKey: { name: "Checkout service" },
  });
  // What Segment's SDKs send: the write key as the Basic user name.
  const basic = await request.get("/api/v1/me", {
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
  });
  expect(basic.status()).toBe(200);

  await page.reload();
  await expect(row.getByTestId("last-used")).not.toHaveText("Never");

  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  const after = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("invalid_api_key");
  expect((await request.get("/api/v1/me")).status()).toBe(401);
});

test("a public write key only ingests; the list shows its kind", async ({ page, request }) => {
  await page.goto("/w/demo/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Name").fill("Marketing site");
  await page.getByText("Public write key").click();
  await expect(page.getByRole("checkbox", { name: /^ingest/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^wm_pk_[\w-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("api-key-Marketing site").getByTestId("key-kind")).toHaveText(
    "public write",
  );

  const headers = { authorization: `Bearer ${key}` };
  const track = await request.post("/api/v1/track", {
    headers,
    data: { userId: "pk-e2e", event: "Viewed Pricing" },
  });
  expect(track.status()).toBe(200);
  const read = await request.get("/api/v1/contacts/pk-e2e", { headers });
  expect(read.status()).toBe(403);
  expect((await read.json()).error.code).toBe("insufficient_scope");
  const inbox = await request.get("/api/v1/inapp/messages?userId=pk-e2e", { headers });
  expect(inbox.status()).toBe(403);
});
