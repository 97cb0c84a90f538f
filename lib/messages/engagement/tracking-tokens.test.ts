import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signTrackingToken, trackingUrls, verifyTrackingToken } from "./tracking-tokens";

const key = randomBytes(32);

describe("tracking tokens", () => {
  it("round-trips the message id for its purpose", () => {
    const id = randomUUID();
    expect(verifyTrackingToken(key, "open", signTrackingToken(key, "open", id))).toBe(id);
  });

  it("refuses another purpose, another key, another destination and tampering", () => {
    const id = randomUUID();
    const open = signTrackingToken(key, "open", id);
    expect(verifyTrackingToken(key, "unsubscribe", open)).toBeNull();
    expect(verifyTrackingToken(randomBytes(32), "open", open)).toBeNull();
    const click = signTrackingToken(key, "click", id, "https://shop.test/a");
    expect(verifyTrackingToken(key, "click", click, "https://evil.test/")).toBeNull();
    const flipped = (click[0] === "A" ? "B" : "A") + click.slice(1);
    expect(verifyTrackingToken(key, "click", flipped, "https://shop.test/a")).toBeNull();
    expect(verifyTrackingToken(key, "open", "short")).toBeNull();
  });

  it("builds click URLs whose token matches their destination", () => {
    const id = randomUUID();
    const urls = trackingUrls(key, "https://app.test/", id);
    const click = new URL(urls.clickUrl("https://shop.test/p?x=1&y=2"));
    const token = click.pathname.split("/").pop()!;
    expect(click.origin).toBe("https://app.test");
    expect(verifyTrackingToken(key, "click", token, click.searchParams.get("u")!)).toBe(id);
    expect(urls.unsubscribeUrl.startsWith("https://app.test/u/")).toBe(true);
  });
});
