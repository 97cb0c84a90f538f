import { expect, test } from "@playwright/test";
import { signedOut, sql, storageStateFor, uniqueEmail } from "./helpers";

test.describe("members and invites", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin invites a marketer, who joins through the link, then changes their role and removes them", async ({
    page,
    browser,
    request,
  }) => {
    const email = uniqueEmail("newbie");
    await page.goto("/w/demo/settings/members");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("marketer");
    await page.getByRole("button", { name: "Invite member" }).click();
    const link = await page.getByLabel("Invite link", { exact: true }).inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
    await expect(page.getByRole("cell", { name: email })).toBeVisible();

    const [stored] = await sql<{ token_hash: string }>(
      request,
      "select token_hash from invites where email = $1",
      [email],
    );
    expect(link).not.toContain(stored!.token_hash);

    const guest = await browser.newContext(signedOut);
    const g = await guest.newPage();
    await g.goto(link);
    await expect(g.getByText("You are invited to Acme Demo as marketer.")).toBeVisible();
    await expect(g.getByLabel("Work email")).toHaveValue(email);
    await expect(g.getByLabel("Work email")).toHaveAttribute("readonly", "");
    await g.getByLabel("Your name").fill("Nina Newbie");
    await g.getByLabel("Password").fill("newbie passphrase 1");
    await g.getByRole("button", { name: "Join Acme Demo" }).click();
    await expect(g).toHaveURL(/\/w\/demo\/journeys$/);
    await expect(g.getByRole("button", { name: "Switch workspace" })).toContainText(/marketer/i);

    // The link is spent.
    const again = await browser.newContext(signedOut);
    const a = await again.newPage();
    await a.goto(link);
    await expect(a.getByRole("main").getByRole("alert")).toHaveText(
      "This invite has already been used.",
    );

    await page.reload();
    const row = page.getByTestId(`member-${email}`);
    await row.getByLabel(`Role of ${email}`).selectOption("analyst");
    await expect
      .poll(
        async () =>
          (
            await sql<{ role: string }>(
              request,
              "select m.role from memberships m join users u on u.id = m.user_id where u.email = $1",
              [email],
            )
          )[0]?.role,
      )
      .toBe("analyst");
    await g.goto("/w/demo/journeys");
    await expect(g.getByRole("button", { name: "Switch workspace" })).toContainText(/analyst/i);

    page.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: "Remove" }).click();
    await expect(row).toHaveCount(0);
    await g.goto("/w/demo/journeys");
    await expect(g.getByRole("heading", { name: "Nothing here" })).toBeVisible();
    await guest.close();
    await again.close();
  });

  test("an expired invite says so, and a wrong email is refused", async ({
    page,
    browser,
    request,
  }) => {
    const email = uniqueEmail("late");
    const res = await page.request.post("/api/w/demo/invites", {
      data: { email, role: "analyst" },
    });
    expect(res.status()).toBe(201);
    const { url } = await res.json();
    await sql(
      request,
      "update invites set expires_at = now() - interval '1 hour' where email = $1",
      [email],
    );

    const guest = await browser.newContext(signedOut);
    const g = await guest.newPage();
    await g.goto(url);
    await expect(g.getByRole("main").getByRole("alert")).toHaveText(
      "This invite has expired. Ask an admin of the workspace for a new one.",
    );
    const token = new URL(url).pathname.split("/").pop()!;
    const signup = await g.request.post("/api/signup", {
      data: { name: "Late", email, password: "late passphrase 1", inviteToken: token },
    });
    expect(signup.status()).toBe(410);
    expect(await sql(request, "select 1 from users where email = $1", [email])).toHaveLength(0);
    await guest.close();
  });

  test("revoking an invite asks first, then its link stops working", async ({ page, browser }) => {
    const email = uniqueEmail("revoked");
    const res = await page.request.post("/api/w/demo/invites", {
      data: { email, role: "marketer" },
    });
    expect(res.status()).toBe(201);
    const { url } = await res.json();
    await page.goto("/w/demo/settings/members");
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("pending");

    // Declining the question sends nothing.
    page.once("dialog", (d) => d.dismiss());
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("pending");

    page.once("dialog", (d) => {
      expect(d.message()).toBe(`Revoke the invite to ${email}? Its link stops working.`);
      void d.accept();
    });
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("revoked");
    await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

    const guest = await browser.newContext(signedOut);
    const g = await guest.newPage();
    await g.goto(url);
    await expect(g.getByRole("main").getByRole("alert")).toHaveText(
      "This invite was revoked. Ask an admin of the workspace for a new one.",
    );
    await guest.close();
  });

  test("the last admin cannot demote themselves", async ({ page, request }) => {
    await page.goto("/w/demo/settings/members");
    await page.getByLabel("Role of admin@demo.waymark.dev").selectOption("analyst");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "A workspace needs at least one admin: make someone else admin first",
    );
    const rows = await sql<{ role: string }>(
      request,
      "select m.role from memberships m join users u on u.id = m.user_id where u.email = 'admin@demo.waymark.dev'",
    );
    expect(rows[0]?.role).toBe("admin");
  });

  test("a duplicate invite for a member is refused with the field", async ({ page }) => {
    const res = await page.request.post("/api/w/demo/invites", {
      data: { email: "Marketer@demo.waymark.dev", role: "admin" },
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.fields).toEqual({
      email: "marketer@demo.waymark.dev is already a member of this workspace",
    });
  });
});
