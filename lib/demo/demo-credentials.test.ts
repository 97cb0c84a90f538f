import { describe, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import { DEMO_PASSWORD } from "./demo-accounts";
import { deriveDemoCredentials } from "./demo-credentials";

const base = { AUTH_SECRET: "s".repeat(40), APP_URL: "https://waymark.example.com" };

describe("the demo's credentials", () => {
  it("are the README's outside production, and derived in production unless set", () => {
    expect(loadEnv({ ...base, NODE_ENV: "development" }).WAYMARK_DEMO_CREDENTIALS).toBe("fixed");
    const prod = { ...base, NODE_ENV: "production", DATABASE_URL: "postgres://db/waymark" };
    expect(loadEnv(prod).WAYMARK_DEMO_CREDENTIALS).toBe("derived");
    expect(loadEnv({ ...prod, WAYMARK_DEMO_CREDENTIALS: "fixed" }).WAYMARK_DEMO_CREDENTIALS).toBe(
      "fixed",
    );
  });

  it("derived: unguessable, the same for one install's key, different for another's", () => {
    const a = deriveDemoCredentials(Buffer.alloc(32, 1));
    expect(deriveDemoCredentials(Buffer.alloc(32, 1))).toEqual(a);
    const b = deriveDemoCredentials(Buffer.alloc(32, 2));
    for (const k of ["password", "apiKey", "publicKey"] as const) expect(b[k]).not.toBe(a[k]);
    expect(a.password).not.toBe(DEMO_PASSWORD);
    expect(a.password).toMatch(/^demo-[\w-]{20}$/);
    // Shapes the key list and the public-key checks expect.
    expect(a.apiKey).toMatch(/^wm_demo_[\w-]{36}$/);
    expect(a.publicKey).toMatch(/^wm_pk_demo_[\w-]{36}$/);
  });
});
