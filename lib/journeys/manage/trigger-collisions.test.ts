import { describe, expect, it } from "vitest";
import { findCollisions, sharedTrigger } from "./trigger-collisions";

const signUp = { kind: "event", event: "Signed Up", filters: [] };

describe("sharedTrigger", () => {
  it("matches the same event whatever the filters, the same segment, the same date attribute", () => {
    expect(sharedTrigger(signUp, { ...signUp, filters: [{ property: "plan" }] })).toBe(
      "also starts when Signed Up happens",
    );
    expect(sharedTrigger(signUp, { kind: "event", event: "Order Completed" })).toBeNull();
    expect(
      sharedTrigger(
        { kind: "segment_entered", segmentId: "s1" },
        { kind: "segment_entered", segmentId: "s1" },
      ),
    ).toMatch(/same segment/);
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
    ).toBe("also starts on birthday");
  });

  it("never for the API trigger, different kinds, or a half-built trigger", () => {
    expect(sharedTrigger({ kind: "api" }, { kind: "api" })).toBeNull();
    expect(sharedTrigger(signUp, { kind: "segment_entered", segmentId: "Signed Up" })).toBeNull();
    expect(sharedTrigger({ kind: "event", event: "" }, { kind: "event", event: "" })).toBeNull();
    expect(sharedTrigger(undefined, signUp)).toBeNull();
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
      },
      {
        id: "self",
        name: "This one",
        status: "live",
        reason: "also starts when Signed Up happens",
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
