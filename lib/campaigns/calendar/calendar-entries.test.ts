import { describe, expect, it } from "vitest";
import { nextOccurrence } from "../schedule/next-occurrence";
import { calendarEntries, type TCalendarRun } from "./calendar-entries";
import { calendarRange, weekStart } from "./calendar-range";

const ZONE = "Europe/Berlin";

describe("the campaign calendar", () => {
  it("shows whole weeks from Monday around a month, and one week", () => {
    const month = calendarRange("month", "2027-02-10", ZONE);
    expect(month.days[0]).toBe("2027-02-01"); // a Monday
    expect(month.days.at(-1)).toBe("2027-02-28"); // a Sunday
    expect(month.days).toHaveLength(28);
    expect(month.from.toISOString()).toBe("2027-01-31T23:00:00.000Z");
    expect([month.previous, month.next]).toEqual(["2027-01-01", "2027-03-01"]);
    const march = calendarRange("month", "2027-03-01", ZONE);
    expect([march.days[0], march.days.at(-1), march.days.length]).toEqual([
      "2027-03-01",
      "2027-04-04",
      35,
    ]);
    // The week clocks go forward in (28 March 2027): 167 hours long.
    const week = calendarRange("week", "2027-03-31", ZONE);
    expect(week.days).toEqual([
      "2027-03-29",
      "2027-03-30",
      "2027-03-31",
      "2027-04-01",
      "2027-04-02",
      "2027-04-03",
      "2027-04-04",
    ]);
    expect(weekStart("2027-03-28")).toBe("2027-03-22");
  });

  it("expands a recurring campaign's occurrences with the scheduler's nextOccurrence, and keeps runs as they happened", () => {
    const recurrence = {
      frequency: "weekly" as const,
      time: "09:00",
      weekdays: [1, 4],
      startDate: "2027-01-01",
      localTime: false,
    };
    const range = calendarRange("month", "2027-03-15", ZONE);
    const now = new Date("2027-03-10T12:00:00Z");
    const next = nextOccurrence(recurrence, ZONE, now)!;
    const runs: TCalendarRun[] = [
      {
        id: "r1",
        campaignId: "c1",
        name: "Newsletter",
        channel: "email",
        occurrence: 1,
        status: "completed",
        scheduledFor: new Date("2027-03-08T08:00:00Z"),
        sendLocal: null,
      },
      {
        id: "r2",
        campaignId: "c2",
        name: "Launch",
        channel: "sms",
        occurrence: 1,
        status: "snapshotting",
        scheduledFor: new Date("2027-03-20T17:00:00Z"),
        sendLocal: null,
      },
    ];
    const entries = calendarEntries({
      runs,
      recurring: [
        { campaignId: "c1", name: "Newsletter", channel: "email", nextRunAt: next, recurrence },
      ],
      zone: ZONE,
      from: range.from,
      to: range.to,
      now,
    });
    const recurring = entries.filter((e) => e.kind === "recurring");
    // Every Monday and Thursday from the next one to the end of the view, at 09:00 Berlin time
    // (08:00 UTC before the clocks change on 28 March, 07:00 after).
    expect(recurring.map((e) => e.day)).toEqual([
      "2027-03-11",
      "2027-03-15",
      "2027-03-18",
      "2027-03-22",
      "2027-03-25",
      "2027-03-29",
      "2027-04-01",
    ]);
    expect(recurring[0]!.at).toEqual(next);
    expect(recurring.at(-1)!.at.toISOString()).toBe("2027-04-01T07:00:00.000Z");
    let at = next;
    for (const e of recurring) {
      expect(e.at).toEqual(at);
      at = nextOccurrence(recurrence, ZONE, at)!;
    }
    expect(entries.find((e) => e.runId === "r1")).toMatchObject({
      kind: "past",
      day: "2027-03-08",
    });
    expect(entries.find((e) => e.runId === "r2")).toMatchObject({
      kind: "scheduled",
      day: "2027-03-20",
    });
  });

  it("puts a local-time send on its own date, and a local-time recurrence on each occurrence's date", () => {
    const range = calendarRange("week", "2027-05-12", "America/New_York");
    const recurrence = {
      frequency: "daily" as const,
      time: "09:00",
      startDate: "2027-05-01",
      endDate: "2027-05-13",
      localTime: true,
    };
    const entries = calendarEntries({
      runs: [
        {
          id: "r",
          campaignId: "c",
          name: "Local",
          channel: "email",
          occurrence: 1,
          status: "snapshotting",
          // 09:00 at UTC+14 on 10 May is still 9 May in New York.
          scheduledFor: new Date("2027-05-09T19:00:00Z"),
          sendLocal: { date: "2027-05-10", time: "09:00" },
        },
      ],
      recurring: [
        {
          campaignId: "d",
          name: "Daily",
          channel: "email",
          nextRunAt: new Date("2027-05-10T19:00:00Z"),
          recurrence,
        },
      ],
      zone: "America/New_York",
      from: range.from,
      to: range.to,
      now: new Date("2027-05-09T12:00:00Z"),
    });
    expect(entries.find((e) => e.runId === "r")).toMatchObject({
      day: "2027-05-10",
      localTime: "09:00",
    });
    // Occurrences on 11, 12 and 13 May (the end date), each on its own date.
    expect(entries.filter((e) => e.campaignId === "d").map((e) => e.day)).toEqual([
      "2027-05-11",
      "2027-05-12",
      "2027-05-13",
    ]);
  });
});
