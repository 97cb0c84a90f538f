import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildCsv } from "./build-csv";

describe("buildCsv", () => {
  it("writes headers and rows in column order, quoting where needed", () => {
    const csv = buildCsv(
      [
        { key: "day", header: "Day" },
        { key: "name", header: "Template" },
        { key: "sent", header: "Sent" },
      ],
      [
        { day: "2026-03-01", name: 'Welcome, "new"', sent: 12 },
        { day: "2026-03-02", name: null, sent: 0 },
      ],
    );
    expect(parse(csv)).toEqual([
      ["Day", "Template", "Sent"],
      ["2026-03-01", 'Welcome, "new"', "12"],
      ["2026-03-02", "", "0"],
    ]);
  });
  it("defuses spreadsheet formulas", () => {
    const csv = buildCsv([{ key: "n", header: "Name" }], [{ n: "=HYPERLINK(1)" }, { n: "-5" }]);
    expect(parse(csv)).toEqual([["Name"], ["'=HYPERLINK(1)"], ["'-5"]]);
  });
});
