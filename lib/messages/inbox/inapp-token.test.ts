import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mintInAppToken, verifyInAppToken } from "./inapp-token";

const key = randomBytes(32);
const later = new Date(Date.now() + 3600_000);

describe("in-app contact tokens", () => {
  it("names the workspace and user until they expire", () => {
    const token = mintInAppToken(key, "ws-1", "user-42", later);
    expect(verifyInAppToken(key, token)).toEqual({ workspaceId: "ws-1", userId: "user-42" });
    expect(verifyInAppToken(key, token, new Date(later.getTime() + 1000))).toBeNull();
  });

  it("refuses a token signed with another key or with its claims changed", () => {
    const token = mintInAppToken(key, "ws-1", "user-42", later);
    expect(verifyInAppToken(randomBytes(32), token)).toBeNull();
    const [payload, sig] = token.slice(4).split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, "base64url").toString()),
        u: "user-43",
      }),
    ).toString("base64url");
    expect(verifyInAppToken(key, `wmc_${forged}.${sig}`)).toBeNull();
    expect(verifyInAppToken(key, "wm_live_abc")).toBeNull();
  });
});
