import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import { inngestClientOptions } from "./client-options";

describe("inngest client options", () => {
  it("points the SDK at the app itself in local mode, signed with keys derived from the secret", () => {
    const opts = inngestClientOptions(loadEnv({ PORT: "3005" }), () => "a-secret");
    expect(opts).toMatchObject({
      isDev: false,
      baseUrl: "http://127.0.0.1:3005/api/local-inngest/",
    });
    expect(opts.signingKey).toMatch(/^signkey-local-[0-9a-f]{64}$/);
    expect(inngestClientOptions(loadEnv({}), () => "another").signingKey).not.toBe(opts.signingKey);
  });

  it("answers the SDK's checkpoint calls in process in local mode, never through the app's pages", async () => {
    const opts = inngestClientOptions(loadEnv({ PORT: "3005" }), () => "a-secret");
    // Unsigned: the executor's checkpoint endpoint itself refuses it (nothing listens on 3005).
    const res = await opts.fetch!("http://127.0.0.1:3005/v1/checkpoint/run-1/async", {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(401);
  });

  it("uses dev mode for the dev server and leaves Inngest's own settings to the SDK", () => {
    expect(inngestClientOptions(loadEnv({ INNGEST_DEV: "1" }))).toEqual({ isDev: true });
    expect(
      inngestClientOptions(loadEnv({ INNGEST_DEV: "1", INNGEST_BASE_URL: "http://dev:8288" })),
    ).toEqual({ isDev: true, baseUrl: "http://dev:8288" });
    expect(
      inngestClientOptions(
        loadEnv({ INNGEST_SIGNING_KEY: "signkey-prod-ab", INNGEST_EVENT_KEY: "k" }),
      ),
    ).toEqual({ isDev: false });
  });
});
