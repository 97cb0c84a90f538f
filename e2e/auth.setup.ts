import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, storageStateFor } from "./helpers";
import { E2E_SERVERS, serverBaseUrl } from "./server";

// Every server (playwright.config.ts starts E2E_SERVERS of them; Playwright itself waits only for
// the first) up, and each demo role signed in once on each, for every spec of the worker using it.
for (const user of DEMO_USERS) {
  setup(`sign in as the demo ${user.role} on every server`, async ({ browser }) => {
    setup.setTimeout(180_000 + 60_000 * E2E_SERVERS);
    for (let server = 0; server < E2E_SERVERS; server++) {
      const baseURL = serverBaseUrl(server);
      await expect
        .poll(
          () =>
            fetch(`${baseURL}/sign-in`).then(
              (r) => r.status,
              () => 0,
            ),
          { timeout: 180_000, message: `server ${server} (${baseURL}) did not start` },
        )
        .toBe(200);
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      // As helpers.signIn, with more time: a server's first sign-in also loads its code (the
      // sign-in itself is what auth.spec.ts tests).
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/w\/[^/]+\/journeys$/, { timeout: 60_000 });
      await context.storageState({ path: storageStateFor(user.role, server) });
      await context.close();
    }
  });
}
