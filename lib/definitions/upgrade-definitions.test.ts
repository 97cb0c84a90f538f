import { describe, expect, it } from "vitest";
import { CURRENT_SCHEMA_VERSION, DEFINITIONS_FORMAT, ZDefinitionsFile } from "./definitions-format";
import { upgradeDefinitions, UPGRADES } from "./upgrade-definitions";

const v1 = {
  format: DEFINITIONS_FORMAT,
  schemaVersion: 1,
  templates: [{ name: "Hi", channel: "sms", content: { channel: "sms", body: "Hi" } }],
};

describe("upgradeDefinitions", () => {
  it("reads a version-1 file as the current version", () => {
    const r = upgradeDefinitions(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.from).toBe(1);
    expect(r.file.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(ZDefinitionsFile.safeParse(r.file).success).toBe(true);
  });

  it("has a step from every earlier version to the current one", () => {
    for (let v = 1; v < CURRENT_SCHEMA_VERSION; v++) expect(UPGRADES[v]).toBeTypeOf("function");
  });

  it("applies the steps in order, each from its own version", () => {
    const seen: number[] = [];
    const steps = {
      1: (f: Record<string, unknown>) => (seen.push(f.schemaVersion as number), { ...f, a: 1 }),
      2: (f: Record<string, unknown>) => (seen.push(f.schemaVersion as number), { ...f, b: f.a }),
    };
    const r = upgradeDefinitions(v1, steps, 3);
    expect(seen).toEqual([1, 2]);
    expect(r).toMatchObject({ ok: true, from: 1, file: { schemaVersion: 3, a: 1, b: 1 } });
  });

  it("refuses a file from a newer Waymark, a missing version and a gap in the chain", () => {
    expect(upgradeDefinitions({ ...v1, schemaVersion: 99 })).toMatchObject({
      ok: false,
      path: "schemaVersion",
    });
    expect(upgradeDefinitions({ format: DEFINITIONS_FORMAT })).toMatchObject({
      ok: false,
      path: "schemaVersion",
    });
    expect(upgradeDefinitions(v1, {}, 2)).toMatchObject({ ok: false, path: "schemaVersion" });
    expect(upgradeDefinitions([1])).toMatchObject({ ok: false, path: "(file)" });
  });
});
