import { describe, expect, it } from "vitest";
import { extractApiKey, generateApiKey, hashApiKey, ZCreateApiKey } from "./api-key";

describe("API keys", () => {
  it("generates distinct keys whose hash, not the key, identifies them", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^wm_sk_[\w-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toBe(a.key.slice(0, 14));
    expect(generateApiKey("public").key).toMatch(/^wm_pk_[\w-]{43}$/);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).not.toContain(a.key.slice(3));
  });

  it("reads a Bearer key", () => {
    expect(extractApiKey("Bearer wm_abc")).toBe("wm_abc");
    expect(extractApiKey("bearer   wm_abc")).toBe("wm_abc");
  });

  it("reads the Segment SDK's Basic auth with the write key as user", () => {
    const header = `Basic ${Buffer.from("wm_writekey:").toString("base64")}`;
    expect(extractApiKey(header)).toBe("wm_writekey");
  });

  it.each([null, "", "Bearer", "Token wm_abc", `Basic ${Buffer.from(":pw").toString("base64")}`])(
    "finds no key in %j",
    (h) => {
      expect(extractApiKey(h)).toBeNull();
    },
  );
});

describe("creating a key", () => {
  it("defaults to a secret key and needs at least one scope", () => {
    expect(ZCreateApiKey.safeParse({ name: "srv", scopes: ["inapp"] }).data).toEqual({
      name: "srv",
      kind: "secret",
      scopes: ["inapp"],
    });
    const none = ZCreateApiKey.safeParse({ name: "srv", kind: "secret", scopes: [] });
    expect(none.error?.issues[0]?.path).toEqual(["scopes"]);
    const unknown = ZCreateApiKey.safeParse({ name: "srv", scopes: ["admin"] });
    expect(unknown.success).toBe(false);
  });

  it("gives a public key no scopes, and refuses any asked for", () => {
    expect(ZCreateApiKey.safeParse({ name: "web", kind: "public" }).data?.scopes).toEqual([]);
    expect(
      ZCreateApiKey.safeParse({ name: "web", kind: "public", scopes: ["contacts:read"] }).success,
    ).toBe(false);
  });
});
