import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyRingFrom } from "@/lib/crypto/app-secret";
import { mintInAppToken, verifyInAppToken } from "./inapp-token";

const OLD = keyRingFrom(["old-secret-old-secret-old-secret-0001"], "inapp-contact-tokens");
const DURING = keyRingFrom(
  ["new-secret-new-secret-new-secret-0002", "old-secret-old-secret-old-secret-0001"],
  "inapp-contact-tokens",
);
const AFTER = keyRingFrom(["new-secret-new-secret-new-secret-0002"], "inapp-contact-tokens");
const key = OLD.current;
const later = new Date(Date.now() + 3600_000);

describe("in-app contact tokens", () => {
  it("names the workspace and user until they expire", () => {
    const token = mintInAppToken(key, "ws-1", "user-42", later);
    expect(verifyInAppToken([key], token)).toEqual({ workspaceId: "ws-1", userId: "user-42" });
    expect(verifyInAppToken([key], token, new Date(later.getTime() + 1000))).toBeNull();
  });

  it("refuses a token signed with another key or with its claims changed", () => {
    const token = mintInAppToken(key, "ws-1", "user-42", later);
    expect(verifyInAppToken([{ id: key.id, key: randomBytes(32) }], token)).toBeNull();
    const [payload, sig] = token.slice(4).split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, "base64url").toString()),
        u: "user-43",
      }),
    ).toString("base64url");
    expect(verifyInAppToken([key], `wmc_${forged}.${sig}`)).toBeNull();
    expect(verifyInAppToken([key], "wm_live_abc")).toBeNull();
  });

  it("survives an AUTH_SECRET rotation while the old secret is kept, and not after", () => {
    const minted = mintInAppToken(OLD.current, "ws-1", "user-42", later);
    expect(verifyInAppToken(DURING.all, minted)).toEqual({
      workspaceId: "ws-1",
      userId: "user-42",
    });
    expect(verifyInAppToken(AFTER.all, minted)).toBeNull();
    const fresh = mintInAppToken(DURING.current, "ws-1", "user-42", later);
    expect(verifyInAppToken(AFTER.all, fresh)).not.toBeNull();
    expect(verifyInAppToken(OLD.all, fresh)).toBeNull();
  });

  it("opens tokens minted before key versions (no `k` claim) under any kept key", () => {
    const payload = Buffer.from(JSON.stringify({ w: "ws-1", u: "u", e: 4102444800 })).toString(
      "base64url",
    );
    const sig = createHmac("sha256", OLD.current.key).update(payload).digest("base64url");
    expect(verifyInAppToken(DURING.all, `wmc_${payload}.${sig}`)).toEqual({
      workspaceId: "ws-1",
      userId: "u",
    });
    expect(verifyInAppToken(AFTER.all, `wmc_${payload}.${sig}`)).toBeNull();
  });
});
