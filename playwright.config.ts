import { defineConfig } from "@playwright/test";
import {
  E2E_BASE_URL,
  E2E_SERVERS,
  e2eServerEnv,
  e2eServersCommand,
  serverBaseUrl,
} from "./e2e/server";
import { locateBrowser } from "./scripts/find-browser/decide-browser.mjs";
import { systemProbe } from "./scripts/find-browser/system-probe.mjs";

// HOW THE SUITE RUNS IN PARALLEL, and the one rule for specs:
//
// E2E_SERVERS (default 2) independent servers start side by side, each on a fresh database with
// the demo seeded, and Playwright runs one worker per server: worker n (TEST_PARALLEL_INDEX) talks
// only to server n, which e2e/server.ts's E2E_BASE_URL, storageStateFor() and e2eServerEnv()
// answer for it. Spec files are dealt to the workers whole (fullyParallel: false), the tests of a
// file run in order, so every server still runs one test at a time: a spec may rely on the demo
// workspace, global settings, the test clock and workspace-wide counts exactly as with one worker.
//
// The rule: reach the server only through `baseURL` (page.goto("/…"), the `request` fixture) or
// E2E_BASE_URL / storageStateFor() / e2eServerEnv() from e2e/server.ts and e2e/helpers.ts, never
// a hard-coded port; and never depend on what ANOTHER spec file left behind (which server, and
// which files before it, a spec gets varies). A server a spec starts itself takes
// E2E_RESTART_PORT / E2E_FAULT_PORT (per worker) and e2eServerEnv() (the worker's database).
// `E2E_SERVERS=1` runs the suite as before, on one server and one worker.

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
  workers: E2E_SERVERS,
  retries: 0,
  // A ceiling, not a wait: each step waits on state (expect's 15 s). Long marketer flows take
  // 30–50 s on a quiet machine and half as long again under CI's load, on PostgreSQL most. On
  // CI's two cores, two servers, two browsers and their background jobs, a single page or
  // sign-in has taken past 10 s; a passing test never waits the full 15.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    // This worker's server: Playwright loads this file again in each worker process, where
    // TEST_PARALLEL_INDEX says which (e2e/server.ts).
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
    command: e2eServersCommand(),
    url: `${serverBaseUrl(0)}/sign-in`,
    env: e2eServerEnv({}, 0),
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
  },
});
