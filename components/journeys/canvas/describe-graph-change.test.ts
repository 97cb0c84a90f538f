import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import {
  canvasReducer,
  initialCanvasState,
  type TCanvasState,
} from "@/lib/journeys/canvas/canvas-state";
import { describeGraphChange as describeIn } from "./describe-graph-change";

const words = (messages: typeof en) =>
  createTranslator({ locale: "en", messages, namespace: "journeys" });
const describeGraphChange = (a: TCanvasState, b: TCanvasState) => describeIn(a, b, words(en));

const start = () =>
  initialCanvasState({
    nodes: [
      { id: "t", type: "trigger", position: { x: 0, y: 0 }, data: { kind: "event", event: "A" } },
      { id: "s", type: "send", position: { x: 0, y: 100 }, data: { name: "Welcome" } },
    ],
    edges: [],
  });

describe("describeGraphChange", () => {
  it("says a step was added and hands it the focus", () => {
    const a = start();
    const b = canvasReducer(a, { type: "add", kind: "exit", position: { x: 0, y: 0 }, id: "x" });
    expect(describeGraphChange(a, b)).toEqual({ text: "Added Exit.", focus: "x" });
  });

  it("names a connection by the steps' names and the output", () => {
    const a = canvasReducer(start(), {
      type: "add",
      kind: "branch",
      position: { x: 0, y: 0 },
      id: "b",
    });
    const b = canvasReducer(a, {
      type: "connect",
      connection: { source: "b", sourceHandle: "yes", target: "s", targetHandle: null },
    });
    expect(describeGraphChange(a, b)?.text).toBe("Connected Branch (yes) to Welcome.");
  });

  it("moves the focus to the step before a deleted one, and undo says what it brought back", () => {
    const a = canvasReducer(start(), { type: "select", ids: ["s"] });
    const b = canvasReducer(a, { type: "remove_selected" });
    expect(describeGraphChange(a, b)).toEqual({ text: "Deleted Welcome.", focus: "t" });
    const c = canvasReducer(b, { type: "undo" });
    expect(describeGraphChange(b, c)).toEqual({ text: "Undo: added Welcome.", focus: "s" });
    const d = canvasReducer(c, { type: "redo" });
    expect(describeGraphChange(c, d)?.text).toBe("Redo: deleted Welcome.");
  });

  it("says nothing about selection or a form edit", () => {
    const a = start();
    expect(describeGraphChange(a, canvasReducer(a, { type: "select", ids: ["t"] }))).toBeNull();
    const edit = canvasReducer(a, { type: "update_data", id: "s", data: { name: "Hi" } });
    expect(describeGraphChange(a, edit)).toBeNull();
  });

  it("speaks the viewer's language, undo and redo included", () => {
    const a = start();
    const b = canvasReducer(a, { type: "add", kind: "exit", position: { x: 0, y: 0 }, id: "x" });
    const t = words(vi as typeof en);
    expect(describeIn(a, b, t)?.text).toBe("Đã thêm Thoát.");
    expect(describeIn(b, canvasReducer(b, { type: "undo" }), t)?.text).toBe(
      "Hoàn tác: đã xóa Thoát.",
    );
  });
});
