import { formatInTimeZone } from "date-fns-tz";
import { describe, expect, it } from "vitest";
import { localTimeWindow, nextOccurrence, runsOnDay } from "./next-occurrence";
import { ZRecurrence, type TRecurrence } from "./schedule-settings";

/** A seeded generator (mulberry32), so a failing case reproduces from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// DST north and south, a 30-minute DST (Lord Howe), no DST, and a zone that skipped a whole day.
const ZONES = [
  "UTC",
  "America/New_York",
  "Europe/London",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Apia",
];
const local = (at: Date, tz: string, f: string) => formatInTimeZone(at, tz, f);
const HOUR = 3_600_000;

function randomRule(next: () => number): TRecurrence {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const frequency = pick(["hourly", "daily", "weekly", "monthly"] as const);
  const time = `${String(Math.floor(next() * 24)).padStart(2, "0")}:${pick(["00", "15", "30", "45"])}`;
  const weekdays = [0, 1, 2, 3, 4, 5, 6].filter(() => next() < 0.4);
  return ZRecurrence.parse({
    frequency,
    time,
    weekdays: weekdays.length ? weekdays : [1],
    dayOfMonth: 1 + Math.floor(next() * 31),
    startDate: "2020-01-01",
  });
}

describe("nextOccurrence (property tests over random rules, zones and instants, 2020–2030)", () => {
  const next = rng(15);
  const cases = Array.from({ length: 600 }, () => {
    const rule = randomRule(next);
    const zone = ZONES[Math.floor(next() * ZONES.length)]!;
    const after = new Date(Date.UTC(2020, 0, 1) + next() * 10 * 365 * 24 * HOUR);
    return { rule, zone, after };
  });

  it("is strictly after, on a day the rule runs, at the rule's local time (or just after a DST gap)", () => {
    for (const { rule, zone, after } of cases) {
      const at = nextOccurrence(rule, zone, after)!;
      const ctx = { rule, zone, after: after.toISOString(), at: at.toISOString() };
      expect(at.getTime(), JSON.stringify(ctx)).toBeGreaterThan(after.getTime());
      const hhmm = local(at, zone, "HH:mm");
      const wanted =
        rule.frequency === "hourly" ? hhmm.slice(0, 3) + rule.time.slice(3) : rule.time;
      if (hhmm !== wanted)
        // Only a spring-forward gap moves it: the zone's offset changed in the hours before.
        expect(local(at, zone, "xxx"), JSON.stringify(ctx)).not.toBe(
          local(new Date(at.getTime() - 3 * HOUR), zone, "xxx"),
        );
      expect(runsOnDay(rule, local(at, zone, "yyyy-MM-dd")), JSON.stringify(ctx)).toBe(true);
    }
  });

  it("skips no occurrence: nothing in between is an occurrence, however finely it is sampled", () => {
    for (const { rule, zone, after } of cases.slice(0, 150)) {
      const at = nextOccurrence(rule, zone, after)!;
      // Asking from any instant in between gives the same answer.
      for (const f of [0.25, 0.5, 0.999]) {
        const mid = new Date(after.getTime() + (at.getTime() - after.getTime()) * f);
        expect(nextOccurrence(rule, zone, mid)?.toISOString()).toBe(at.toISOString());
      }
    }
  });

  it("daily occurrences keep their local time across DST: 23, 24 or 25 hours apart", () => {
    for (const zone of ZONES) {
      const rule = ZRecurrence.parse({
        frequency: "daily",
        time: "09:00",
        startDate: "2026-01-01",
      });
      let at = nextOccurrence(rule, zone, new Date("2026-01-01T00:00:00Z"))!;
      for (let i = 0; i < 400; i++) {
        const n = nextOccurrence(rule, zone, at)!;
        expect(local(n, zone, "HH:mm")).toBe("09:00");
        const gap = (n.getTime() - at.getTime()) / HOUR;
        expect([23, 23.5, 24, 24.5, 25], `${zone} ${n.toISOString()}`).toContain(gap);
        at = n;
      }
    }
  });

  it("knows New York's spring-forward and fall-back days", () => {
    const rule = ZRecurrence.parse({ frequency: "daily", time: "09:00", startDate: "2026-03-01" });
    // 8 March 2026: EST → EDT. 09:00 EST is 14:00Z, 09:00 EDT is 13:00Z.
    expect(nextOccurrence(rule, "America/New_York", new Date("2026-03-07T15:00:00Z"))).toEqual(
      new Date("2026-03-08T13:00:00Z"),
    );
    // 1 November 2026: back to EST.
    expect(nextOccurrence(rule, "America/New_York", new Date("2026-10-31T14:00:00Z"))).toEqual(
      new Date("2026-11-01T14:00:00Z"),
    );
    // 02:30 does not exist on 8 March: it runs just after the gap, at 03:30 EDT.
    const night = ZRecurrence.parse({ frequency: "daily", time: "02:30", startDate: "2026-03-01" });
    expect(nextOccurrence(night, "America/New_York", new Date("2026-03-08T05:00:00Z"))).toEqual(
      new Date("2026-03-08T07:30:00Z"),
    );
  });

  it("weekly runs on the chosen days, monthly on the day (or the month's last), and both stop at the end date", () => {
    const weekly = ZRecurrence.parse({
      frequency: "weekly",
      time: "10:00",
      weekdays: [1, 4],
      startDate: "2026-12-01",
      endDate: "2026-12-10",
    });
    const seen: string[] = [];
    for (let at = new Date("2026-11-01T00:00:00Z"); ;) {
      const n = nextOccurrence(weekly, "Europe/Paris", at);
      if (!n) break;
      seen.push(local(n, "Europe/Paris", "EEE yyyy-MM-dd HH:mm"));
      at = n;
    }
    expect(seen).toEqual(["Thu 2026-12-03 10:00", "Mon 2026-12-07 10:00", "Thu 2026-12-10 10:00"]);
    const monthly = ZRecurrence.parse({
      frequency: "monthly",
      time: "08:00",
      dayOfMonth: 31,
      startDate: "2027-01-01",
    });
    const months: string[] = [];
    let at = new Date("2027-01-01T00:00:00Z");
    for (let i = 0; i < 4; i++) {
      at = nextOccurrence(monthly, "UTC", at)!;
      months.push(local(at, "UTC", "yyyy-MM-dd"));
    }
    expect(months).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
  });

  it("refuses rules that cannot run", () => {
    const bad = (x: object) =>
      ZRecurrence.safeParse({ time: "09:00", startDate: "2026-01-01", ...x }).error?.issues.map(
        (i) => i.path.join("."),
      );
    expect(bad({ frequency: "weekly" })).toEqual(["weekdays"]);
    expect(bad({ frequency: "monthly" })).toEqual(["dayOfMonth"]);
    expect(bad({ frequency: "daily", endDate: "2025-12-31" })).toEqual(["endDate"]);
  });
});

describe("localTimeWindow", () => {
  it("spans the 26 hours from UTC+14 to UTC−12", () => {
    const w = localTimeWindow("2026-12-10", "09:00");
    expect(w.first).toEqual(new Date("2026-12-09T19:00:00Z"));
    expect(w.last).toEqual(new Date("2026-12-10T21:00:00Z"));
  });
});
