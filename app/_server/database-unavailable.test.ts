import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "@/lib/channels/testing/free-port";
import { openDb, setDbHandle } from "@/db";
import { NextRequest } from "next/server";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as ingestCall } from "@/app/api/v1/[call]/route";
import { callRoute } from "@/app/api/v1/v1-test-client";

// A database that cannot be reached must make routes answer 503 quickly, never hang or 500.
const timeouts = { statementMs: 1000, idleInTransactionMs: 1000, connectMs: 300 };

/** Accepts TCP connections and never says a word: a blackholed or wedged server. */
let silent: Server;
const sockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((sock) => sockets.push(sock));
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
});
afterAll(async () => {
  setDbHandle(undefined);
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

async function answerWith(url: string) {
  const handle = openDb({ databaseUrl: url, pgliteDir: "memory://", timeouts });
  setDbHandle(handle);
  try {
    const started = Date.now();
    const res = await callRoute(me, {}, { method: "GET", key: "wm_sk_whatever" });
    return { ...res, ms: Date.now() - started };
  } finally {
    setDbHandle(undefined);
    await handle.close().catch(() => undefined);
  }
}

describe("a database that cannot be reached", () => {
  it("answers 503 at once when the port is closed", async () => {
    const r = await answerWith(`postgres://postgres@127.0.0.1:${await closedPort()}/none`);
    expect(r.status).toBe(503);
    expect(r.json?.error.code).toBe("database_unavailable");
  });

  it("answers 503 after the connect timeout when the server never answers", async () => {
    const { port } = silent.address() as { port: number };
    const r = await answerWith(`postgres://postgres@127.0.0.1:${port}/none`);
    expect(r.status).toBe(503);
    expect(r.json?.error.code).toBe("database_unavailable");
    expect(r.ms).toBeGreaterThanOrEqual(250);
    expect(r.ms).toBeLessThan(3000);
  });
});

describe("ingestion while the database is down", () => {
  it("answers 503 with Retry-After, which the SDKs retry (never a 500, which some drop)", async () => {
    const handle = openDb({
      databaseUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/none`,
      pgliteDir: "memory://",
      timeouts,
    });
    setDbHandle(handle);
    try {
      const res = await ingestCall(
        new NextRequest("http://127.0.0.1/api/v1/batch", {
          method: "POST",
          headers: { authorization: "Bearer wm_sk_whatever", "content-type": "application/json" },
          body: JSON.stringify({ batch: [{ type: "track", userId: "u", event: "E" }] }),
        }),
        { params: Promise.resolve({ call: "batch" }) },
      );
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "database_unavailable",
      );
    } finally {
      setDbHandle(undefined);
      await handle.close().catch(() => undefined);
    }
  });
});
