import { describe, expect, it } from "vitest";
import { formatReport } from "./format-report";
import { parseImportArgs, progressLine, USAGE } from "./parse-import-args";
import { totalsOf, type TImportReport, type TNote, type TReportEntry } from "./report";

const entry = (e: Partial<TReportEntry> & Pick<TReportEntry, "kind" | "name">): TReportEntry => ({
  file: "export.json",
  pinpointId: e.name,
  becomes: "something",
  action: "create",
  approximated: [],
  unsupported: [],
  errors: [],
  ...e,
});

function report(dryRun: boolean, entries: TReportEntry[], fileErrors: TNote[] = []): TImportReport {
  return { dryRun, entries, fileErrors, totals: totalsOf(entries, fileErrors) };
}

describe("formatReport", () => {
  it("prints one block per object: mark, action, what it becomes, where from, and every note", () => {
    const entries = [
      entry({
        kind: "endpoints",
        name: "endpoints/part-00000.gz",
        file: "endpoints/part-00000.gz",
        becomes: "6 endpoint(s) as contacts",
        errors: [{ path: "endpoints/part-00000.gz:7", message: "Address: is required" }],
        counts: { lines: 8, imported: 6, refused: 1 },
      }),
      entry({
        kind: "template",
        name: "Welcome",
        file: "templates/welcome.json#EmailTemplateResponse",
        becomes: 'email template "Welcome"',
      }),
      entry({
        kind: "journey",
        name: "welcome_series",
        file: "journeys.json#JourneysResponse.Item[0]",
        becomes: 'draft journey "welcome_series" with 7 steps',
        action: "update",
        waymarkId: "0b6c1c1e-0000-4000-8000-000000000001",
        approximated: [{ path: "LocalTime", message: "one instant for everyone" }],
        unsupported: [{ path: "Activities.call.ContactCenter", message: "no equivalent" }],
      }),
      entry({
        kind: "campaign",
        name: "Sale",
        becomes: 'draft email campaign "Sale" with 1 treatment(s)',
        action: "skip",
        errors: [
          { path: "SegmentId", message: "segment s1 is neither in the export nor imported before" },
        ],
      }),
    ];
    const fileErrors = [{ path: "broken.json", message: "is not valid JSON" }];
    expect(formatReport(report(false, entries, fileErrors))).toBe(`Imported.
✗ broken.json: is not valid JSON
! endpoints endpoints/part-00000.gz → 6 endpoint(s) as contacts
    from endpoints/part-00000.gz
    error        endpoints/part-00000.gz:7: Address: is required
✓ template Welcome [create] → email template "Welcome"
    from templates/welcome.json#EmailTemplateResponse
~ journey welcome_series [update] → draft journey "welcome_series" with 7 steps (0b6c1c1e-0000-4000-8000-000000000001)
    from journeys.json#JourneysResponse.Item[0]
    not imported Activities.call.ContactCenter: no equivalent
    approximated LocalTime: one instant for everyone
✗ campaign Sale [skip] → draft email campaign "Sale" with 1 treatment(s)
    from export.json
    error        SegmentId: segment s1 is neither in the export nor imported before
4 object(s), 3 with errors, 1 approximation(s), 1 thing(s) not imported.`);
  });

  it("says a dry run wrote nothing", () => {
    expect(formatReport(report(true, []))).toBe(
      "Dry run: nothing was written.\n0 object(s), 0 with errors, 0 approximation(s), 0 thing(s) not imported.",
    );
  });
});

describe("parseImportArgs", () => {
  it("reads a path, the workspace in either form, and the flags in any order", () => {
    expect(parseImportArgs(["export.zip", "--workspace", "acme"])).toEqual({
      path: "export.zip",
      workspace: "acme",
      dryRun: false,
      json: false,
      events: [],
    });
    expect(parseImportArgs(["--dry-run", "--workspace=acme", "--json", "./export"])).toMatchObject({
      path: "./export",
      workspace: "acme",
      dryRun: true,
      json: true,
    });
  });

  it("takes every path after --events up to the next flag", () => {
    expect(parseImportArgs(["--events", "a.gz", "b/", "--workspace", "acme"])).toMatchObject({
      path: "",
      events: ["a.gz", "b/"],
      workspace: "acme",
    });
  });

  it("refuses a missing path or workspace, a second path and an unknown flag, with the usage", () => {
    expect(() => parseImportArgs(["export.zip"])).toThrow(USAGE);
    expect(() => parseImportArgs(["--workspace", "acme"])).toThrow(USAGE);
    expect(() => parseImportArgs(["export.zip", "--workspace"])).toThrow(USAGE);
    expect(() => parseImportArgs(["a.zip", "b.zip", "--workspace", "acme"])).toThrow(
      /^unknown argument b\.zip\n/,
    );
    expect(() => parseImportArgs(["a.zip", "--workspace", "acme", "--force"])).toThrow(
      /^unknown argument --force\n/,
    );
  });
});

describe("progressLine", () => {
  it("fills the bar in proportion and pads the label so a shorter one overwrites a longer", () => {
    const line = progressLine({ phase: "templates", done: 1, total: 4, label: "Welcome" }, 8);
    expect(line).toBe(`\r[##......] templates 1/4 ${"Welcome".padEnd(50)}`);
    expect(progressLine({ phase: "done", done: 0, total: 0 }, 4)).toMatch(/^\r\[####\] done 0\/0 /);
  });
});
