import { describe, expect, it } from "vitest";
import { dateTriggerCandidates, dateTriggerDueOn } from "./date-occurrences";

const at = (iso: string) => new Date(iso);
const birthday = { offsetDays: 0, time: "09:00", yearly: true };

describe("date-attribute trigger", () => {
  it("fires on the anniversary once the local time is reached, in the contact's zone", () => {
    // 09:00 in Tokyo on 23 November is 00:00 UTC; in Los Angeles it is 17:00 UTC.
    expect(
      dateTriggerDueOn("1990-11-23", birthday, "Asia/Tokyo", at("2026-11-22T23:59:00Z")),
    ).toBeNull();
    expect(dateTriggerDueOn("1990-11-23", birthday, "Asia/Tokyo", at("2026-11-23T00:00:00Z"))).toBe(
      "2026-11-23",
    );
    expect(
      dateTriggerDueOn("1990-11-23", birthday, "America/Los_Angeles", at("2026-11-23T16:59:00Z")),
    ).toBeNull();
    expect(
      dateTriggerDueOn("1990-11-23", birthday, "America/Los_Angeles", at("2026-11-23T17:00:00Z")),
    ).toBe("2026-11-23");
    // Still due later that local day (a sweep that ran late), not the next day.
    expect(dateTriggerDueOn("1990-11-23", birthday, "UTC", at("2026-11-23T23:59:00Z"))).toBe(
      "2026-11-23",
    );
    expect(dateTriggerDueOn("1990-11-23", birthday, "UTC", at("2026-11-24T10:00:00Z"))).toBeNull();
  });

  it("fires a one-off date shifted by the offset, only in its year", () => {
    const renewal = { offsetDays: -3, time: "10:00", yearly: false };
    expect(
      dateTriggerDueOn("2026-12-01", renewal, "Europe/Berlin", at("2026-11-28T09:00:00Z")),
    ).toBe("2026-11-28");
    expect(
      dateTriggerDueOn("2026-12-01", renewal, "Europe/Berlin", at("2026-11-28T08:59:00Z")),
    ).toBeNull();
    expect(
      dateTriggerDueOn("2025-12-01", renewal, "Europe/Berlin", at("2026-11-28T09:00:00Z")),
    ).toBeNull();
    // Yearly with an offset crossing the new year: a 2 January anniversary minus 3 days.
    expect(
      dateTriggerDueOn(
        "2000-01-02",
        { offsetDays: -3, time: "00:00", yearly: true },
        "UTC",
        at("2026-12-30T00:00:00Z"),
      ),
    ).toBe("2026-12-30");
  });

  it("celebrates 29 February on the 28th in common years", () => {
    expect(dateTriggerDueOn("2000-02-29", birthday, "UTC", at("2027-02-28T09:00:00Z"))).toBe(
      "2027-02-28",
    );
    expect(dateTriggerDueOn("2000-02-29", birthday, "UTC", at("2028-02-28T09:00:00Z"))).toBeNull();
    expect(dateTriggerDueOn("2000-02-29", birthday, "UTC", at("2028-02-29T09:00:00Z"))).toBe(
      "2028-02-29",
    );
  });

  it("reads a date-time in the contact's zone and ignores values that are not dates", () => {
    // 23:30 UTC on 22 November is already the 23rd in Tokyo.
    expect(
      dateTriggerDueOn("1990-11-22T23:30:00Z", birthday, "Asia/Tokyo", at("2026-11-23T00:30:00Z")),
    ).toBe("2026-11-23");
    for (const v of [null, 42, "soon", "", ["1990-11-23"]])
      expect(dateTriggerDueOn(v, birthday, "UTC", at("2026-11-23T12:00:00Z"))).toBeNull();
  });

  it("never pre-filters out a contact the trigger would fire for", () => {
    const zones = [
      "UTC",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "Asia/Kolkata",
      "America/St_Johns",
      "Europe/London",
    ];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let fired = 0;
    for (let i = 0; i < 4000; i++) {
      const now = new Date(Date.UTC(2026, 0, 1) + rnd(365 * 24 * 60) * 60_000);
      const ref = {
        offsetDays: rnd(7) - 3,
        time: `${String(rnd(24)).padStart(2, "0")}:00`,
        yearly: rnd(2) === 0,
      };
      const tz = zones[rnd(zones.length)]!;
      const shift =
        (rnd(5) - 2) * 86_400_000 -
        ref.offsetDays * 86_400_000 -
        (ref.yearly ? rnd(30) * 365.25 * 86_400_000 : 0);
      const asDateTime = rnd(2) === 0;
      const iso = new Date(now.getTime() + shift - rnd(86_400_000)).toISOString();
      const value = asDateTime ? iso : iso.slice(0, 10);
      if (!dateTriggerDueOn(value, ref, tz, now)) continue;
      fired++;
      const c = dateTriggerCandidates(ref, now);
      if ("dates" in c) expect(c.dates).toContain(value.slice(0, 10));
      else expect(c.monthDays).toContain(value.slice(5, 10));
    }
    expect(fired).toBeGreaterThan(100);
  });
});
