import { test as setup } from "@playwright/test";
import { DEMO_USERS, signIn, storageStateFor } from "./helpers";

for (const user of DEMO_USERS) {
  setup(`sign in as the demo ${user.role}`, async ({ page }) => {
    await signIn(page, user.email);
    await page.context().storageState({ path: storageStateFor(user.role) });
  });
}
