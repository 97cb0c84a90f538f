import { describe, expect, it } from "vitest";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";
import {
  initialEditorState,
  journeyEditorReducer as reduce,
  type TEditorState,
} from "./journey-editor-state";

const start = initialEditorState({
  name: "Welcome",
  status: "draft",
  liveVersion: 0,
  draftSettings: { entry: "once" },
});
const defect: TGraphError = { code: "invalid_node", message: "Choose a template", nodeIds: ["n1"] };
const busy: TEditorState = { ...start, busy: true, notice: null };

describe("journey editor state", () => {
  it("starts from the journey as loaded, on the settings panel", () => {
    expect(start).toMatchObject({
      name: "Welcome",
      status: "draft",
      liveVersion: 0,
      settings: { entry: "once" },
      settingsRev: 0,
      busy: false,
      panel: "settings",
      viewing: null,
    });
  });

  it("a publish clears the old notice, then goes live and clears the defects", () => {
    const withDefects = { ...start, errors: [defect], notice: "old" };
    const started = reduce(withDefects, { type: "started", clearNotice: true });
    expect(started).toMatchObject({ busy: true, notice: null });
    expect(reduce(started, { type: "published", version: 3 })).toMatchObject({
      busy: false,
      status: "live",
      liveVersion: 3,
      errors: [],
      notice: { key: "published", version: 3 },
    });
  });

  it("a publish refused for defects opens Problems; one refused without any says why", () => {
    const withDefects = reduce(busy, { type: "publishRejected", errors: [defect], message: "x" });
    expect(withDefects).toMatchObject({
      busy: false,
      errors: [defect],
      notice: null,
      panel: "problems",
    });
    const conflict = reduce(busy, { type: "publishRejected", errors: [], message: "Stale" });
    expect(conflict).toMatchObject({ busy: false, notice: "Stale", panel: "settings" });
  });

  it("a status change keeps the notice while busy, and reports a refusal", () => {
    const noted = { ...start, notice: "Published version 1" };
    const started = reduce(noted, { type: "started", clearNotice: false });
    expect(started).toMatchObject({ busy: true, notice: "Published version 1" });
    expect(reduce(started, { type: "statusChanged", status: "paused" })).toMatchObject({
      busy: false,
      status: "paused",
    });
    expect(reduce(started, { type: "failed", message: "Forbidden" })).toMatchObject({
      busy: false,
      notice: "Forbidden",
    });
  });

  it("restoring a version closes the viewer, clears defects and explains Undo", () => {
    const viewing = {
      ...busy,
      errors: [defect],
      viewing: { version: 2, graph: { nodes: [], edges: [] }, publishedAt: "", publishedBy: null },
    };
    const restored = reduce(viewing, { type: "restored", version: 2 });
    expect(restored).toMatchObject({ busy: false, viewing: null, errors: [] });
    expect(restored.notice).toEqual({ key: "restored", version: 2 });
  });

  it("every settings edit bumps the revision autosave watches", () => {
    const once = reduce(start, { type: "settings", settings: { entry: "again" } });
    const twice = reduce(once, { type: "settings", settings: { entry: "again" } });
    expect(once).toMatchObject({ settings: { entry: "again" }, settingsRev: 1 });
    expect(twice.settingsRev).toBe(2);
  });

  it("selecting a node opens its form; clearing the selection leaves the panel alone", () => {
    const test = reduce(start, { type: "panel", panel: "test" });
    const picked = reduce(test, { type: "selected", nodeId: "n1" });
    expect(picked).toMatchObject({ shownSelection: "n1", panel: "step" });
    const back = reduce({ ...picked, panel: "test" }, { type: "selected", nodeId: undefined });
    expect(back).toMatchObject({ shownSelection: undefined, panel: "test" });
  });

  it("a publish that never reached the server only stops being busy", () => {
    expect(reduce(busy, { type: "settled" })).toEqual({ ...busy, busy: false });
  });
});
