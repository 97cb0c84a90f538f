import { describe, expect, it } from "vitest";
import { ZTopicInput, topicKeyFromName } from "./topic-schemas";

describe("topic keys", () => {
  it("refuses a channel's name (or all) as a key, naming the field", () => {
    for (const key of ["email", "sms", "push", "all"]) {
      const r = ZTopicInput.safeParse({ key, name: "Deals" });
      expect(r.success, key).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({
        path: ["key"],
        message: "is a channel's name: choose another key",
      });
    }
    expect(ZTopicInput.safeParse({ key: "email-news", name: "Deals" }).success).toBe(true);
  });

  it("derives a key from the name that is never a channel's", () => {
    expect(topicKeyFromName("Product news")).toBe("product-news");
    expect(topicKeyFromName("Email")).toBe("email-topic");
    expect(topicKeyFromName("ALL")).toBe("all-topic");
    expect(topicKeyFromName("!!!")).toBe("topic");
  });
});
