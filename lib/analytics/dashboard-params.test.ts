import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import {
  dashboardFilterHref,
  dashboardQuery,
  journeyDashboardHref,
  parseDashboardParams,
  parseDashboardParamsOrThrow,
} from "./dashboard-params";

const now = new Date("2026-04-10T12:00:00Z");
const J = "7f2c1b1e-8a4d-4c39-9a57-2b6b1b0f2a11";

describe("dashboard params", () => {
  it("round-trips a view through the URL", () => {
    const v = parseDashboardParamsOrThrow(
      { range: "custom", from: "2026-03-01", to: "2026-03-10", channel: "sms", journey: J },
      "UTC",
      now,
    );
    expect(v).toMatchObject({
      range: { from: "2026-03-01", to: "2026-03-10", days: 10 },
      previous: { from: "2026-02-19", to: "2026-02-28" },
      channel: "sms",
      journeyId: J,
    });
    const q = dashboardQuery(v);
    expect(
      parseDashboardParamsOrThrow(Object.fromEntries(new URLSearchParams(q)), "UTC", now),
    ).toEqual(v);
    expect(dashboardQuery(v, { range: "7d" })).toBe(`?range=7d&channel=sms&journey=${J}`);
    expect(dashboardQuery(parseDashboardParamsOrThrow({}, "UTC", now))).toBe("");
  });
  it("names the bad field for routes", () => {
    try {
      parseDashboardParamsOrThrow({ channel: "fax" }, "UTC", now);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields).toHaveProperty("channel");
    }
  });
  it("drops what it cannot read on pages and says what", () => {
    const { view, ignored } = parseDashboardParams(
      { channel: "fax", range: "7d", journey: "nope" },
      "UTC",
      now,
    );
    expect(ignored.sort()).toEqual(["channel", "journey"]);
    expect(view).toMatchObject({ channel: null, journeyId: null, range: { days: 7 } });
    expect(
      parseDashboardParams({ range: "custom", from: "2026-03-05" }, "UTC", now).view.range.preset,
    ).toBe("30d");
  });

  it("makes the filter bar's URL from what differs from the defaults", () => {
    const base = { range: "30d", from: "", to: "", channel: "", journey: "", segment: "" };
    expect(dashboardFilterHref("/w/x/dashboards", base)).toBe("/w/x/dashboards");
    expect(dashboardFilterHref("/w/x/dashboards", { ...base, range: "7d", channel: "sms" })).toBe(
      "/w/x/dashboards?range=7d&channel=sms",
    );
    const custom = { ...base, range: "custom", from: "2026-03-01", to: "2026-03-05" };
    expect(dashboardFilterHref("/d", custom)).toBe("/d?range=custom&from=2026-03-01&to=2026-03-05");
    // Custom days wait for both ends: nothing to go to yet.
    expect(dashboardFilterHref("/d", { ...custom, to: "" })).toBeNull();
  });

  it("on a journey's dashboard, the journey select opens another journey's, or the list", () => {
    const f = { range: "7d", from: "", to: "", channel: "sms", journey: J, segment: "" };
    const list = "/w/x/dashboards/journeys";
    expect(journeyDashboardHref(list, f)).toBe(`${list}/${J}?range=7d&channel=sms`);
    expect(journeyDashboardHref(list, { ...f, journey: "" })).toBe(`${list}?range=7d&channel=sms`);
    expect(journeyDashboardHref(list, { ...f, range: "custom" })).toBeNull();
  });
});
