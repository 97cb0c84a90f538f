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
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^wm_[\w-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();

  const row = page.getByTestId("api-key-Checkout service");
  await expect(row).toContainText(key.slice(0, 11));
  await expect(row).not.toContainText(key.slice(11));
  await expect(row.getByTestId("last-used")).toHaveText("Never");

  const stored = await sql<{ key_hash: string }>(
    request,
    "select key_hash from api_keys where name = 'Checkout service'",
  );
  expect(stored[0]?.key_hash).toBe(createHash("sha256").update(key).digest("hex"));
  const leaked = await sql(
    request,
    "select 1 from api_keys where key_hash like $1 or prefix = $2",
    [`%${key.slice(3)}%`, key],
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
