import { expect, test } from "@playwright/test";
import { DEMO_API_KEY, storageStateFor } from "./helpers";

test.use({ storageState: storageStateFor("analyst") });

test("the API page documents what the API accepts, and its curl line works as written", async ({
  page,
  request,
}) => {
  await page.goto("/w/demo/settings/api");
  await expect(page.getByRole("heading", { name: "/api/v1/batch" })).toBeVisible();
  const identify = page.locator('[id="post-/identify"]');
  await expect(identify.getByRole("cell", { name: "attributes", exact: true })).toBeVisible();
  await expect(
    identify.getByRole("cell", { name: "Typed attributes to set; null removes one" }),
  ).toBeVisible();
  await expect(page.getByText('path: "/api/v1/batch"')).toBeVisible();

  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");

  // The documented example body is accepted as it is.
  const example = (await doc.json()).paths["/identify"].post.requestBody.content["application/json"]
    .example;
  const res = await request.post("/api/v1/identify", {
    headers: { authorization: `Bearer ${DEMO_API_KEY}` },
    data: example,
  });
  expect(await res.json()).toMatchObject({ success: true });
});
