import { expect, request, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo/demo-accounts";
import { E2E_AUTH_SECRET, E2E_BASE_URL, E2E_SERVER_INDEX } from "./server";

export {
  DEMO_API_KEY,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_WORKSPACE_SLUG,
} from "../lib/demo/demo-accounts";

/** A demo role's signed-in browser state on this worker's server (auth.setup.ts saves one per server). */
export const storageStateFor = (
  role: "admin" | "marketer" | "analyst",
  server: number = E2E_SERVER_INDEX,
) => `e2e/.artifacts/${role}-${server}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/journeys$/);
}

/**
 * Waits until React has hydrated the element (it attaches its props to the DOM node then). A file
 * chosen or a key typed before that fires no React handler, and a busy server can take seconds
 * to hydrate a page its HTML already shows.
 */
export async function hydrated(locator: Locator) {
  await expect
    .poll(() =>
      locator.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))),
    )
    .toBe(true);
}

/** Reads or arranges the server's database through the test-only SQL hook. */
export async function sql<T = Record<string, unknown>>(
  request: APIRequestContext,
  query: string,
  params: (string | number | boolean | null)[] = [],
): Promise<T[]> {
  const res = await request.post("/api/test/sql", {
    headers: { "x-test-secret": E2E_AUTH_SECRET },
    data: { query, params },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { rows: T[] }).rows;
}

export const uniqueEmail = (tag: string) =>
  `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** A signed-out browser context; contexts otherwise inherit the file's `storageState`. */
export const signedOut = { storageState: { cookies: [], origins: [] } };

/**
 * Folds the raw journey and message rows into the dashboards' rollups now, as an admin's "Refresh
 * now" does (the job does it every 30 s), for a spec that arranged rows and reads counts from them.
 */
export async function refreshRollupsNow() {
  const admin = await request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor("admin"),
  });
  const res = await admin.post("/api/w/demo/analytics/refresh", { data: {} });
  expect(res.status(), await res.text()).toBe(200);
  await admin.dispose();
}

/**
 * Full-page screenshots at desktop width (1440) and a 1280-px laptop's, as
 * `e2e/.artifacts/screenshots/<name>-1440.png` and `-1280.png`; the viewport is put back after.
 * Each waits two animation frames after the resize, so charts and canvases that measure
 * themselves have redrawn.
 */
export async function screenshotAtBothWidths(page: Page, name: string) {
  const size = page.viewportSize();
  for (const [width, height] of [
    [1440, size?.height ?? 900],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.screenshot({
      path: `e2e/.artifacts/screenshots/${name}-${width}.png`,
      fullPage: true,
    });
  }
  if (size) await page.setViewportSize(size);
}
