import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyRingFrom } from "@/lib/crypto/app-secret";
import { signTrackingToken, trackingUrls, verifyTrackingToken } from "./tracking-tokens";

const OLD_SECRET = "old-secret-old-secret-old-secret-0001";
const NEW_SECRET = "new-secret-new-secret-new-secret-0002";
const before = keyRingFrom([OLD_SECRET], "tracking-links");
const during = keyRingFrom([NEW_SECRET, OLD_SECRET], "tracking-links");
const after = keyRingFrom([NEW_SECRET], "tracking-links");
const key = before.current;

describe("tracking tokens", () => {
  it("round-trips the message id for its purpose", () => {
    const id = randomUUID();
    expect(verifyTrackingToken([key], "open", signTrackingToken(key, "open", id))).toBe(id);
  });

  it("refuses another purpose, another key, another destination and tampering", () => {
    const id = randomUUID();
    const open = signTrackingToken(key, "open", id);
    expect(verifyTrackingToken([key], "unsubscribe", open)).toBeNull();
    expect(verifyTrackingToken([{ id: key.id, key: randomBytes(32) }], "open", open)).toBeNull();
    const click = signTrackingToken(key, "click", id, "https://shop.test/a");
    expect(verifyTrackingToken([key], "click", click, "https://evil.test/")).toBeNull();
    const flipped = click.slice(0, 5) + (click[5] === "A" ? "B" : "A") + click.slice(6);
    expect(verifyTrackingToken([key], "click", flipped, "https://shop.test/a")).toBeNull();
    expect(verifyTrackingToken([key], "open", "short")).toBeNull();
  });

  it("builds click URLs whose token matches their destination", () => {
    const id = randomUUID();
    const urls = trackingUrls(key, "https://app.test/", id);
    const click = new URL(urls.clickUrl("https://shop.test/p?x=1&y=2"));
    const token = click.pathname.split("/").pop()!;
    expect(click.origin).toBe("https://app.test");
    expect(verifyTrackingToken([key], "click", token, click.searchParams.get("u")!)).toBe(id);
    expect(urls.unsubscribeUrl.startsWith("https://app.test/u/")).toBe(true);
  });
});

describe("tracking tokens across an AUTH_SECRET rotation", () => {
  it("keeps links sent under the old secret working while it is kept as previous, and signs new ones with the new secret", () => {
    const id = randomUUID();
    const sent = signTrackingToken(before.current, "unsubscribe", id);
    expect(verifyTrackingToken(during.all, "unsubscribe", sent)).toBe(id);
    const fresh = signTrackingToken(during.current, "unsubscribe", id);
    expect(fresh).not.toBe(sent);
    expect(verifyTrackingToken(after.all, "unsubscribe", fresh)).toBe(id);
    // Once the old secret is dropped, its links stop opening; the new ones never depended on it.
    expect(verifyTrackingToken(after.all, "unsubscribe", sent)).toBeNull();
    expect(verifyTrackingToken(before.all, "unsubscribe", fresh)).toBeNull();
  });

  it("carries its key version, which selects the key (a token re-labelled to another version fails)", () => {
    const id = randomUUID();
    const raw = Buffer.from(signTrackingToken(before.current, "open", id), "base64url");
    expect(raw[0]).toBe(before.current.id);
    // The attack: keep the old signature, claim the new key's version.
    raw[0] = during.current.id;
    expect(verifyTrackingToken(during.all, "open", raw.toString("base64url"))).toBeNull();
  });

  it("still opens tokens from before key versions (43 characters) under any kept key", () => {
    const id = randomUUID();
    // The former format: message id ‖ the first 16 bytes of HMAC-SHA256(purpose \n id \n extra).
    const sig = createHmac("sha256", before.current.key)
      .update(`unsubscribe\n${id}\n`)
      .digest()
      .subarray(0, 16);
    const legacy = Buffer.concat([Buffer.from(id.replace(/-/g, ""), "hex"), sig]).toString(
      "base64url",
    );
    expect(legacy).toHaveLength(43);
    expect(verifyTrackingToken(during.all, "unsubscribe", legacy)).toBe(id);
    expect(verifyTrackingToken(after.all, "unsubscribe", legacy)).toBeNull();
    expect(verifyTrackingToken(during.all, "open", legacy)).toBeNull();
  });
});
