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
