import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("environment", () => {
  it("defaults to embedded PGlite, open sign-up and the demo outside production", () => {
    const e = loadEnv({ NODE_ENV: "development" });
    expect(e).toMatchObject({
      PGLITE_DIR: ".data/pglite",
      WAYMARK_SIGNUP: "open",
      WAYMARK_SEED_DEMO: true,
      WAYMARK_TEST_HOOKS: false,
    });
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it("does not seed the demo in production unless asked", () => {
    const secret = "s".repeat(32);
    expect(loadEnv({ NODE_ENV: "production", AUTH_SECRET: secret }).WAYMARK_SEED_DEMO).toBe(false);
    expect(
      loadEnv({ NODE_ENV: "production", AUTH_SECRET: secret, WAYMARK_SEED_DEMO: "1" })
        .WAYMARK_SEED_DEMO,
    ).toBe(true);
  });

  it("names every invalid variable", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x", WAYMARK_SIGNUP: "maybe" })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/[\s\S]*WAYMARK_SIGNUP/,
    );
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(
      /AUTH_SECRET: required in production/,
    );
    expect(() => loadEnv({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET: must be at least 32/,
    );
  });

  it("picks the executor: local without Inngest settings, dev server, or Inngest with both keys", () => {
    expect(loadEnv({}).executor).toBe("local");
    expect(loadEnv({}).internalUrl).toBe("http://127.0.0.1:3000");
    expect(loadEnv({ PORT: "3100" }).internalUrl).toBe("http://127.0.0.1:3100");
    expect(loadEnv({ INNGEST_DEV: "1" }).executor).toBe("inngest-dev");
    expect(loadEnv({ INNGEST_DEV: "http://127.0.0.1:8288" }).executor).toBe("inngest-dev");
    expect(loadEnv({ INNGEST_DEV: "0" }).executor).toBe("local");
    const keys = { INNGEST_SIGNING_KEY: "signkey-prod-abc123", INNGEST_EVENT_KEY: "ek" };
    expect(loadEnv(keys).executor).toBe("inngest");
    expect(loadEnv({ ...keys, WAYMARK_EXECUTOR: "local" }).executor).toBe("local");
    expect(() => loadEnv({ INNGEST_SIGNING_KEY: "signkey-prod-abc123" })).toThrow(
      /INNGEST_EVENT_KEY: required with the inngest executor/,
    );
    expect(() => loadEnv({ INNGEST_SIGNING_KEY: "secret" })).toThrow(
      /INNGEST_SIGNING_KEY: must look like signkey/,
    );
    expect(() => loadEnv({ WAYMARK_EXECUTOR: "temporal" })).toThrow(/WAYMARK_EXECUTOR/);
  });
});
