import { describe, expect, it } from "vitest";
import { convertAttribute, convertChannel, parseIsoDate } from "./convert-cell";

describe("cell conversion", () => {
  it("reads numbers, booleans, dates and lists, and refuses what does not fit", () => {
    expect(convertAttribute("42.5", "number")).toEqual({ ok: true, value: 42.5 });
    expect(convertAttribute("-1e3", "number")).toEqual({ ok: true, value: -1000 });
    expect(convertAttribute("1,234", "number")).toEqual({
      ok: false,
      message: "must be a number like 1234.5",
    });
    expect(convertAttribute("Yes", "boolean")).toEqual({ ok: true, value: true });
    expect(convertAttribute("0", "boolean")).toEqual({ ok: true, value: false });
    expect(convertAttribute("maybe", "boolean").ok).toBe(false);
    expect(convertAttribute("vip; beta | early", "list")).toEqual({
      ok: true,
      value: ["vip", "beta", "early"],
    });
    expect(convertAttribute("anything", "text")).toEqual({ ok: true, value: "anything" });
  });

  it("keeps dates as dates, reads date-times without an offset as UTC, and refuses impossible days", () => {
    expect(parseIsoDate("2026-03-31")).toBe("2026-03-31");
    expect(parseIsoDate("2026-03-31 14:30")).toBe("2026-03-31T14:30:00.000Z");
    expect(parseIsoDate("2026-03-31T14:30:00+02:00")).toBe("2026-03-31T12:30:00.000Z");
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("31/03/2026")).toBeNull();
    expect(convertAttribute("yesterday", "date")).toEqual({
      ok: false,
      message: "must be a date like 2026-03-31 or 2026-03-31T14:30:00Z",
    });
  });

  it("reads channel columns through their meaning", () => {
    expect(convertChannel("yes", "opt_out")).toEqual({ ok: true, value: "unsubscribed" });
    expect(convertChannel("yes", "opt_in")).toEqual({ ok: true, value: "subscribed" });
    expect(convertChannel("FALSE", "opt_out")).toEqual({ ok: true, value: "subscribed" });
    expect(convertChannel("unsubscribed", "opt_in")).toEqual({ ok: true, value: "unsubscribed" });
    expect(convertChannel("sometimes", "opt_in").ok).toBe(false);
  });
});
