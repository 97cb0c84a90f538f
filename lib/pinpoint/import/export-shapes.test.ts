import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyJson } from "./classify-file";
import { endpointsOf, pathOf, shapeErrors } from "./export-shapes";
import { EXPORT_DIR, fixture } from "./testing/load-fixture";

describe("shapeErrors", () => {
  it("accepts every object of the fixture export", () => {
    const files = readdirSync(EXPORT_DIR, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".json"),
    );
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) {
      const classified = classifyJson(JSON.parse(readFileSync(join(EXPORT_DIR, f), "utf8")));
      expect(classified, f).toBeInstanceOf(Array);
      for (const c of classified as { errors?: unknown }[]) expect(c.errors, f).toBeUndefined();
    }
  });

  it("names each field of the wrong type by its path, and takes null as missing", () => {
    const segment = fixture("segments.json", 1);
    expect(
      shapeErrors("segment", {
        ...segment,
        Name: null,
        SegmentGroups: { Groups: [{ SourceSegments: [{ Version: 1 }], Dimensions: {} }] },
      }),
    ).toEqual([
      { path: "SegmentGroups.Groups[0].Dimensions", message: "must be a list" },
      { path: "SegmentGroups.Groups[0].SourceSegments[0].Id", message: "must be text" },
    ]);
    expect(
      shapeErrors("journey", {
        Name: 5,
        Activities: { a: { Description: "first", Wait: { WaitTime: "PT1H" } }, b: [] },
      }),
    ).toEqual([
      { path: "Name", message: "must be text" },
      { path: "Activities.a.Wait.WaitTime", message: "must be an object" },
      { path: "Activities.b", message: "must be an object" },
    ]);
    expect(shapeErrors("template", { TemplateName: "x", Content: [{ BodyConfig: [] }] })).toEqual([
      { path: "Content[0].BodyConfig", message: "must be an object" },
    ]);
    expect(shapeErrors("campaign", { HoldoutPercent: "10" })).toEqual([
      { path: "HoldoutPercent", message: "must be a number" },
    ]);
  });

  it("marks a list item that is not an object, and keeps the others", () => {
    const r = classifyJson({ JourneysResponse: { Item: [fixture("journeys.json", 1), "j2"] } });
    expect(r).toMatchObject([
      { kind: "journey", path: "JourneysResponse.Item[0]" },
      {
        kind: "journey",
        path: "JourneysResponse.Item[1]",
        errors: [{ path: "", message: "must be an object" }],
      },
    ]);
    expect((r as { errors?: unknown }[])[0]!.errors).toBeUndefined();
  });
});

describe("endpointsOf", () => {
  it("reads get-user-endpoints and get-endpoint answers, or says what is wrong", () => {
    expect(endpointsOf({ EndpointsResponse: { Item: [{ Id: "a" }, 5] } })).toEqual([
      { Id: "a" },
      5,
    ]);
    expect(endpointsOf({ EndpointResponse: { Id: "a" } })).toEqual([{ Id: "a" }]);
    expect(endpointsOf({ EndpointsResponse: { Item: 5 } })).toEqual({
      errors: [{ path: "EndpointsResponse.Item", message: "must be a list" }],
    });
    expect(endpointsOf({ EndpointsResponse: null })).toEqual({
      errors: [{ path: "EndpointsResponse", message: "must be an object" }],
    });
  });
});

it("pathOf writes list indexes in brackets", () => {
  expect(pathOf(["Groups", 0, "SourceSegments", 1, "Id"])).toBe("Groups[0].SourceSegments[1].Id");
  expect(pathOf([])).toBe("");
});
