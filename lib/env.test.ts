import { describe, expect, it } from "vitest";
import { E2E_AUTH_SECRET } from "@/e2e/server";
import { loadEnv, PUBLISHED_TEST_SECRETS } from "./env";

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

  const prod = {
    NODE_ENV: "production",
    AUTH_SECRET: "s".repeat(32),
    APP_URL: "https://waymark.example.com",
    DATABASE_URL: "postgres://db/waymark",
  };

  it("reads the secrets a rotation keeps as a list, each as strong as AUTH_SECRET", () => {
    const a = "a".repeat(32);
    const b = "b".repeat(40);
    expect(loadEnv({ ...prod, AUTH_SECRET_PREVIOUS: `${a}, ${b}` }).AUTH_SECRET_PREVIOUS).toEqual([
      a,
      b,
    ]);
    // Compose passes an unset variable as empty: no rotation.
    expect(loadEnv({ ...prod, AUTH_SECRET_PREVIOUS: "" }).AUTH_SECRET_PREVIOUS).toBeUndefined();
    expect(() => loadEnv({ ...prod, AUTH_SECRET_PREVIOUS: `${a},short` })).toThrow(
      /AUTH_SECRET_PREVIOUS/,
    );
  });

  it("does not seed the demo in production unless asked", () => {
    expect(loadEnv(prod).WAYMARK_SEED_DEMO).toBe(false);
    expect(loadEnv({ ...prod, WAYMARK_SEED_DEMO: "1" }).WAYMARK_SEED_DEMO).toBe(true);
  });

  it("defaults sign-up to invite-only in production, open elsewhere, and honours a setting", () => {
    expect(loadEnv(prod).WAYMARK_SIGNUP).toBe("invite-only");
    expect(loadEnv({ ...prod, WAYMARK_SIGNUP: "open" }).WAYMARK_SIGNUP).toBe("open");
    expect(loadEnv({ NODE_ENV: "test" }).WAYMARK_SIGNUP).toBe("open");
  });

  it("requires APP_URL in production, so links in messages never point at localhost", () => {
    expect(() => loadEnv({ ...prod, APP_URL: undefined })).toThrow(
      /APP_URL: required in production/,
    );
  });

  it("refuses embedded PGlite in production unless explicitly allowed", () => {
    expect(() => loadEnv({ ...prod, DATABASE_URL: undefined })).toThrow(
      /DATABASE_URL: required in production \(embedded PGlite only with WAYMARK_ALLOW_PGLITE=1\)/,
    );
    expect(
      loadEnv({ ...prod, DATABASE_URL: undefined, WAYMARK_ALLOW_PGLITE: "1" }).DATABASE_URL,
    ).toBeUndefined();
  });

  it("refuses Inngest dev mode in production (it turns off request signatures)", () => {
    expect(() => loadEnv({ ...prod, INNGEST_DEV: "1" })).toThrow(
      /INNGEST_DEV: .*refused in production/,
    );
    expect(() => loadEnv({ ...prod, WAYMARK_EXECUTOR: "inngest-dev" })).toThrow(
      /refused in production/,
    );
    expect(() =>
      loadEnv({
        ...prod,
        INNGEST_DEV: "1",
        INNGEST_SIGNING_KEY: "signkey-prod-abc123",
        INNGEST_EVENT_KEY: "ek",
        WAYMARK_EXECUTOR: "inngest",
      }),
    ).toThrow(/refused in production/);
    expect(loadEnv({ ...prod, INNGEST_DEV: "0" }).executor).toBe("local");
    expect(loadEnv({ NODE_ENV: "development", INNGEST_DEV: "1" }).executor).toBe("inngest-dev");
  });

  it("parses WAYMARK_OUTBOUND_ALLOW and names a bad entry", () => {
    expect(loadEnv({}).outboundAllow).toEqual([]);
    expect(
      loadEnv({ WAYMARK_OUTBOUND_ALLOW: "127.0.0.1, 10.0.0.0/8,mail.internal:25" }).outboundAllow,
    ).toHaveLength(3);
    expect(() => loadEnv({ WAYMARK_OUTBOUND_ALLOW: "10.0.0.0/33" })).toThrow(
      /WAYMARK_OUTBOUND_ALLOW: "10.0.0.0\/33": bad prefix length/,
    );
    expect(() => loadEnv({ WAYMARK_OUTBOUND_ALLOW: "http://x" })).toThrow(/WAYMARK_OUTBOUND_ALLOW/);
  });

  it("names every invalid variable", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x", WAYMARK_SIGNUP: "maybe" })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/[\s\S]*WAYMARK_SIGNUP/,
    );
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => loadEnv({ ...prod, AUTH_SECRET: undefined })).toThrow(
      /AUTH_SECRET: required in production/,
    );
    expect(() => loadEnv({ ...prod, AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET: must be at least 32/,
    );
  });

  it("refuses the published e2e secret outside test servers", () => {
    expect(PUBLISHED_TEST_SECRETS).toContain(E2E_AUTH_SECRET);
    expect(() => loadEnv({ ...prod, AUTH_SECRET: E2E_AUTH_SECRET })).toThrow(
      /AUTH_SECRET: is the published e2e test secret/,
    );
    expect(
      loadEnv({ ...prod, AUTH_SECRET: E2E_AUTH_SECRET, WAYMARK_TEST_HOOKS: "1" }).AUTH_SECRET,
    ).toBe(E2E_AUTH_SECRET);
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
