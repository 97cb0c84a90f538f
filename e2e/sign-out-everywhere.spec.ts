import { expect, test, type Browser } from "@playwright/test";
import { signedOut, signIn, uniqueEmail } from "./helpers";

/**
 * Sign out everywhere, in the browser: a user signed in on two devices presses it on one; the
 * other device's still-unexpired session cookie is refused on its next request (page and API), and
 * signing in again works. A user of its own, so the demo accounts' sessions stay untouched.
 */
const PASSWORD = "two devices, one person";

async function device(browser: Browser, email: string) {
  const context = await browser.newContext(signedOut);
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return { context, page };
}

test("signing out everywhere ends the sessions on other devices at once", async ({
  browser,
  request,
}) => {
  const email = uniqueEmail("traveller");
  const created = await request.post("/api/signup", {
    headers: { cookie: "" },
    data: { name: "Tess Traveller", email, password: PASSWORD, workspaceName: "Travel Co" },
  });
  expect(created.status()).toBeLessThan(300);

  const laptop = await device(browser, email);
  const phone = await device(browser, email);
  await expect(phone.page.getByRole("button", { name: "Switch workspace" })).toBeVisible();
  const slug = new URL(phone.page.url()).pathname.split("/")[2]!;
  expect((await phone.page.request.get(`/api/w/${slug}/members`)).status()).toBe(200);

  await laptop.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.page).toHaveURL(/\/sign-in/);

  // The phone's cookie has weeks left; it is refused anyway.
  expect((await phone.page.request.get(`/api/w/${slug}/members`)).status()).toBe(401);
  await phone.page.goto(`/w/${slug}/journeys`);
  await expect(phone.page).toHaveURL(/\/sign-in/);

  await signIn(phone.page, email, PASSWORD);
  expect((await phone.page.request.get(`/api/w/${slug}/members`)).status()).toBe(200);
  await laptop.context.close();
  await phone.context.close();
});
