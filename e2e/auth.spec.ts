import { expect, test } from "@playwright/test";
import { DEMO_USERS, signIn, sql, uniqueEmail } from "./helpers";

const AREAS = [
  "Journeys",
  "Campaigns",
  "Segments",
  "Templates",
  "Contacts",
  "Messages",
  "Outbox",
  "Dashboards",
  "Settings",
];

test("signed-out visitors are sent to sign-in and come back where they were going", async ({
  page,
  request,
}) => {
  await page.goto("/w/demo/segments");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fw%2Fdemo%2Fsegments$/);
  await page.getByLabel("Email").fill("marketer@demo.waymark.dev");
  await page.getByLabel("Password").fill("waymark-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/segments$/);
  await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();

  const anonymous = await request.get("/api/w/demo/members", { headers: { cookie: "" } });
  expect(anonymous.status()).toBe(401);
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@demo.waymark.dev");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await page.goto("/w/demo/journeys");
  await expect(page).toHaveURL(/\/sign-in/);
});

for (const user of DEMO_USERS) {
  test(`the ${user.role} signs in, finds every area, and signs out`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText("Acme Demo");
    await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText(
      new RegExp(user.role, "i"),
    );
    for (const area of AREAS) {
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: area })
        .click();
      // Under a second each when quiet; on embedded PGlite a page's queries wait behind whatever
      // the server is doing (a campaign draining, a rollup refresh), which under CI took over 10 s.
      await expect(page.getByRole("heading", { level: 1, name: area })).toBeVisible({
        timeout: 30_000,
      });
      await expect(page.getByRole("link", { name: area })).toHaveAttribute("aria-current", "page");
    }
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    // Sign-out is a server round trip plus a redirect: slow on a loaded CI machine.
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 30_000 });
    await page.goto("/w/demo/journeys");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test("sign-up refuses a weak password and a taken email, then creates the account and its workspace", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("founder");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Fay Founder");
  await page.getByLabel("Work email").fill("ADMIN@demo.waymark.dev");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Company or workspace name").fill("Founder Co");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();

  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(
    page.getByText("We could not create an account with this email and password"),
  ).toBeVisible();
  expect(
    await sql(request, "select 1 from workspaces where name = $1", ["Founder Co"]),
  ).toHaveLength(0);

  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/founder-co[\w-]*\/journeys$/);
  await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText("Founder Co");
  await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText(/admin/i);

  const [row] = await sql<{ password_hash: string; role: string }>(
    request,
    "select u.password_hash, m.role from users u join memberships m on m.user_id = u.id where u.email = $1",
    [email],
  );
  expect(row?.role).toBe("admin");
  expect(row?.password_hash).toMatch(/^scrypt\$/);
  expect(row?.password_hash).not.toContain("sturdy");
});
