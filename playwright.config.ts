import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_PORT, e2eServerCommand, e2eServerEnv } from "./e2e/server";
import { locateBrowser } from "./scripts/find-browser/decide-browser.mjs";
import { systemProbe } from "./scripts/find-browser/system-probe.mjs";

// The browser scripts/find-browser.mjs found or installed (`npm run test:e2e` runs it first):
// CHROMIUM_PATH, the system Chromium, or Playwright's cache.
const browser = locateBrowser(systemProbe());
if (!browser || "error" in browser) {
  throw new Error(
    browser?.error ?? "No Chromium found: run `node scripts/find-browser.mjs`, which installs one.",
  );
}
const executablePath = browser.path;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "e2e", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: e2eServerCommand(E2E_PORT, ".data/e2e/pglite"),
    url: `${E2E_BASE_URL}/sign-in`,
    env: e2eServerEnv(),
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
