import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_AUTH_SECRET, E2E_RESTART_PORT, e2eServerCommand, e2eServerEnv } from "./server";

const PORT = E2E_RESTART_PORT;
const BASE = `http://127.0.0.1:${PORT}`;
const DIR = ".data/e2e/restart-pglite";

// Its own server process, so the test can stop and start it. Started in its own process group:
// The shell and the node server it runs go together.
async function startServer(fresh: boolean): Promise<ChildProcess> {
  const cmd = fresh
    ? e2eServerCommand(PORT, DIR)
    : e2eServerCommand(PORT, DIR).replace(/^rm -rf \S+ && /, "");
  const child = spawn("sh", ["-c", cmd], {
    detached: true,
    stdio: "ignore",
    env: { ...process.env, ...e2eServerEnv({ AUTH_SECRET: E2E_AUTH_SECRET }) },
  });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${BASE}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

/** SIGTERM, as an orchestrator stops a container; resolves with how the server exited. */
async function stopServer(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
  process.kill(-child.pid!, "SIGTERM");
  for (let i = 0; i < 40; i++) {
    const down = await fetch(`${BASE}/sign-in`).then(
      () => false,
      () => true,
    );
    if (down) return exited;
    await new Promise((r) => setTimeout(r, 250));
  }
  process.kill(-child.pid!, "SIGKILL");
  return exited;
}

test("a session survives a restart of the server", async ({ browser }) => {
  // Two server starts, each allowed a minute by startServer, and a sign-in.
  test.setTimeout(180_000);
  let server = await startServer(true);
  try {
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("analyst@demo.waymark.dev");
    await page.getByLabel("Password").fill("waymark-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The first sign-in on a server that has just started (its pages cold) under CI's load.
    await expect(page).toHaveURL(/\/w\/demo\/journeys$/, { timeout: 30_000 });

    // The server drains and exits on its own (0), not killed by Next.js's handler (143).
    expect(await stopServer(server)).toBe(0);
    server = await startServer(false);

    await page.goto("/w/demo/settings/members");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByTestId("member-analyst@demo.waymark.dev")).toContainText("Ana Analyst");
    await context.close();
  } finally {
    await stopServer(server);
  }
});
