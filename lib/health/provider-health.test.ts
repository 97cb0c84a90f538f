import { beforeEach, describe, expect, it } from "vitest";
import {
  FAILING_AFTER,
  FAILING_WINDOW_MS,
  failingProviders,
  recordProviderOutcome,
  resetProviderHealth,
} from "./provider-health";

describe("provider health", () => {
  beforeEach(() => resetProviderHealth());

  it("marks a provider failing after enough failures in a row, and clears it on one success", () => {
    const t = 1_000_000;
    for (let i = 0; i < FAILING_AFTER - 1; i++) recordProviderOutcome("email", "smtp", false, t);
    expect(failingProviders(t)).toEqual([]);
    recordProviderOutcome("email", "smtp", false, t);
    recordProviderOutcome("sms", "twilio", true, t);
    expect(failingProviders(t)).toEqual([
      { channel: "email", provider: "smtp", failuresInRow: FAILING_AFTER },
    ]);
    recordProviderOutcome("email", "smtp", true, t + 1);
    expect(failingProviders(t + 1)).toEqual([]);
  });

  it("forgets a failure streak nobody has added to within the window", () => {
    for (let i = 0; i < FAILING_AFTER; i++) recordProviderOutcome("push", "fcm", false, 0);
    expect(failingProviders(FAILING_WINDOW_MS)).toHaveLength(1);
    expect(failingProviders(FAILING_WINDOW_MS + 1)).toEqual([]);
  });
});
