import { describe, expect, it } from "vitest";
import { decideEntry } from "./decide-entry";

const NOW = new Date("2026-06-10T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const done = (d: number) => ({ enteredAt: daysAgo(d), exitedAt: daysAgo(d - 1) });
const inside = (d: number) => ({ enteredAt: daysAgo(d), exitedAt: null });

describe("decideEntry", () => {
  it("lets anyone in the first time", () => {
    for (const entry of [
      { mode: "once" as const },
      { mode: "while_not_inside" as const },
      { mode: "reentry_after" as const, days: 7 },
    ]) {
      expect(decideEntry({ entry }, [], NOW)).toEqual({ enter: true, reason: "first_entry" });
    }
  });

  it("once: never again", () => {
    expect(decideEntry({ entry: { mode: "once" } }, [done(400)], NOW)).toEqual({
      enter: false,
      reason: "already_entered",
    });
  });

  it("re-entry after N days: not before, yes after, never while inside", () => {
    const entry = { mode: "reentry_after" as const, days: 30 };
    expect(decideEntry({ entry }, [done(29)], NOW)).toEqual({
      enter: false,
      reason: "reentry_too_soon",
      retryAfter: daysAgo(-1),
    });
    expect(decideEntry({ entry }, [done(45), done(30)], NOW)).toEqual({
      enter: true,
      reason: "reentry_allowed",
    });
    expect(decideEntry({ entry }, [inside(60)], NOW)).toEqual({
      enter: false,
      reason: "still_inside",
    });
  });

  it("whenever not inside", () => {
    const entry = { mode: "while_not_inside" as const };
    expect(decideEntry({ entry }, [done(2), inside(1)], NOW)).toEqual({
      enter: false,
      reason: "still_inside",
    });
    expect(decideEntry({ entry }, [done(2), done(1.5)], NOW)).toEqual({
      enter: true,
      reason: "reentry_allowed",
    });
  });

  it("respects start and end dates", () => {
    const entry = { mode: "once" as const };
    expect(decideEntry({ entry, startAt: "2026-06-11T00:00:00Z" }, [], NOW)).toEqual({
      enter: false,
      reason: "not_started",
      retryAfter: new Date("2026-06-11T00:00:00Z"),
    });
    expect(decideEntry({ entry, endAt: "2026-06-10T12:00:00Z" }, [], NOW)).toEqual({
      enter: false,
      reason: "ended",
    });
    expect(
      decideEntry(
        { entry, startAt: "2026-06-01T00:00:00Z", endAt: "2026-07-01T00:00:00Z" },
        [],
        NOW,
      ),
    ).toEqual({ enter: true, reason: "first_entry" });
  });
});
