import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { mergeEndpoint } from "./pinpoint-endpoint-mapping";
import type { TEndpointRequest } from "./pinpoint-schemas";

// Shapes apps send: a device with no user, a user without attributes (the common mobile case), a
// user with attributes, every map present.
const shapes: Record<string, TEndpointRequest> = {
  "a bare device": { ChannelType: "GCM", Address: "fcm-token-1" },
  "a user without attributes": {
    ChannelType: "GCM",
    Address: "fcm-token-1",
    Demographic: { Platform: "Android", Timezone: "Europe/Paris" },
    User: { UserId: "user-1" },
  },
  "a user with attributes": {
    ChannelType: "APNS",
    Address: "apns-token-1",
    User: { UserId: "user-1", UserAttributes: { plan: ["pro"] } },
  },
  "every map": {
    ChannelType: "EMAIL",
    Address: "ana@example.com",
    Attributes: { interests: ["shoes"] },
    Metrics: { visits: 3 },
    Demographic: { Locale: "fr_FR" },
    Location: { City: "Paris" },
    User: { UserId: "user-2", UserAttributes: { plan: ["free"] } },
  },
};

describe("mergeEndpoint", () => {
  // applyPinpointItems skips an endpoint whose merge deep-equals what is stored; an update that
  // repeats the stored endpoint must therefore merge to exactly it, or every re-send rewrites the
  // contact and adds an identify to its timeline.
  it.each(Object.entries(shapes))("re-sending %s unchanged merges to what is stored", (_, ep) => {
    expect(isDeepStrictEqual(mergeEndpoint(ep, ep), ep)).toBe(true);
  });

  it("merges maps key by key and keeps what the update leaves out", () => {
    const merged = mergeEndpoint(shapes["every map"], {
      Attributes: { sizes: ["42"] },
      User: { UserAttributes: { plan: ["pro"] } },
    });
    expect(merged).toMatchObject({
      Address: "ana@example.com",
      Attributes: { interests: ["shoes"], sizes: ["42"] },
      Metrics: { visits: 3 },
      User: { UserId: "user-2", UserAttributes: { plan: ["pro"] } },
    });
  });

  it("adds user attributes to a user that had none", () => {
    const merged = mergeEndpoint(shapes["a user without attributes"], {
      User: { UserAttributes: { plan: ["pro"] } },
    });
    expect(merged.User).toEqual({ UserId: "user-1", UserAttributes: { plan: ["pro"] } });
  });
});
