import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import { describeSharedTrigger, findCollisions, sharedTrigger } from "./trigger-collisions";

const signUp = { kind: "event", event: "Signed Up", filters: [] };

describe("sharedTrigger", () => {
  it("matches the same event whatever the filters, the same segment, the same date attribute", () => {
    expect(sharedTrigger(signUp, { ...signUp, filters: [{ property: "plan" }] })).toEqual({
      kind: "event",
      event: "Signed Up",
    });
    expect(sharedTrigger(signUp, { kind: "event", event: "Order Completed" })).toBeNull();
    expect(
      sharedTrigger(
        { kind: "segment_entered", segmentId: "s1" },
        { kind: "segment_entered", segmentId: "s1" },
      ),
    ).toEqual({ kind: "segment_entered" });
    expect(
      sharedTrigger(
        { kind: "segment_entered", segmentId: "s1" },
        { kind: "segment_entered", segmentId: "s2" },
      ),
    ).toBeNull();
    expect(
      sharedTrigger(
        { kind: "date_attribute", attribute: "birthday" },
        { kind: "date_attribute", attribute: "birthday", yearly: true },
      ),
    ).toEqual({ kind: "date_attribute", attribute: "birthday" });
  });

  it("never for the API trigger, different kinds, or a half-built trigger", () => {
    expect(sharedTrigger({ kind: "api" }, { kind: "api" })).toBeNull();
    expect(sharedTrigger(signUp, { kind: "segment_entered", segmentId: "Signed Up" })).toBeNull();
    expect(sharedTrigger({ kind: "event", event: "" }, { kind: "event", event: "" })).toBeNull();
    expect(sharedTrigger(undefined, signUp)).toBeNull();
  });
});

describe("describeSharedTrigger", () => {
  it("words each kind in English for API callers", () => {
    expect(describeSharedTrigger({ kind: "event", event: "Signed Up" })).toBe(
      "also starts when Signed Up happens",
    );
    expect(describeSharedTrigger({ kind: "segment_entered" })).toMatch(/same segment/);
    expect(describeSharedTrigger({ kind: "date_attribute", attribute: "birthday" })).toBe(
      "also starts on birthday",
    );
  });

  it("reads the same from the catalogue the editor words it with, in every language", () => {
    const t = (messages: typeof en) =>
      createTranslator({ locale: "en", messages, namespace: "journeys.collision.reason" });
    const all = [
      { kind: "event", event: "Signed Up" },
      { kind: "segment_entered" },
      { kind: "date_attribute", attribute: "birthday" },
    ] as const;
    for (const s of all) expect(t(en)(s.kind, s)).toBe(describeSharedTrigger(s));
    expect(t(vi as typeof en)("event", all[0])).toBe("cũng bắt đầu khi có sự kiện Signed Up");
  });
});

describe("findCollisions", () => {
  const running = [
    { id: "welcome", name: "Welcome journey", status: "live", trigger: signUp },
    { id: "self", name: "This one", status: "live", trigger: signUp },
    { id: "other", name: "Buyers", status: "paused", trigger: { kind: "event", event: "Order" } },
  ];

  it("lists the other running journeys that start on the same thing", () => {
    expect(
      findCollisions({ journeyId: "new", draftTrigger: signUp, liveTrigger: undefined, running }),
    ).toEqual([
      {
        id: "welcome",
        name: "Welcome journey",
        status: "live",
        reason: "also starts when Signed Up happens",
        because: { kind: "event", event: "Signed Up" },
      },
      {
        id: "self",
        name: "This one",
        status: "live",
        reason: "also starts when Signed Up happens",
        because: { kind: "event", event: "Signed Up" },
      },
    ]);
  });

  it("leaves out the journey itself, and asks nothing when its live trigger is unchanged", () => {
    expect(
      findCollisions({ journeyId: "self", draftTrigger: signUp, liveTrigger: signUp, running }),
    ).toEqual([]);
    expect(
      findCollisions({
        journeyId: "self",
        draftTrigger: signUp,
        liveTrigger: { kind: "event", event: "Order" },
        running,
      }).map((c) => c.id),
    ).toEqual(["welcome"]);
  });
});
