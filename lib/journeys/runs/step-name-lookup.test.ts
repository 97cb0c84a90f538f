import { describe, expect, it } from "vitest";
import { vietnameseSummaryWords } from "../testing/vietnamese-summary-words";
import { describeOrigin } from "@/lib/messages/log/message-origin";
import { originNamesFrom } from "./step-name-lookup";

const names = originNamesFrom([
  {
    journeyId: "j1",
    journeyName: "Welcome series",
    version: 1,
    steps: { send_3kqyqy: { kind: "send", name: "Welcome email" } },
  },
  {
    journeyId: "j1",
    journeyName: "Welcome series",
    version: 2,
    steps: { send_3kqyqy: { kind: "send", config: { channel: "email" } } },
  },
]);

describe("a journey message's origin, for people", () => {
  it("reads the journey's and the step's names, not their ids", () => {
    const o = describeOrigin(
      { kind: "journey", journeyId: "j1", version: 1, nodeId: "send_3kqyqy" },
      "demo",
      names,
    );
    expect(o).toMatchObject({ label: "Welcome series", detail: "Welcome email · v1" });
  });

  it("reads a version published before steps had names by what the step does", () => {
    const o = describeOrigin(
      { kind: "journey", journeyId: "j1", version: 2, nodeId: "send_3kqyqy" },
      "demo",
      names,
    );
    expect(o.detail).toBe("Send email · v2");
  });

  it("says Journey, with the step's id, when the journey is gone", () => {
    const o = describeOrigin(
      { kind: "journey", journeyId: "gone", version: 1, nodeId: "send_3kqyqy" },
      "demo",
      names,
    );
    expect(o).toMatchObject({ label: "Journey", detail: "step send_3kqyqy · v1" });
  });

  it("words a name Waymark made in the viewer's language, and keeps one a marketer typed", () => {
    const words = vietnameseSummaryWords();
    const wait = { kind: "duration", amount: 2, unit: "days" };
    const step = (name: string, kind = "wait", config: unknown = wait) => ({ kind, name, config });
    const lookup = originNamesFrom(
      [
        {
          journeyId: "j1",
          journeyName: "Welcome series",
          version: 3,
          steps: {
            w1: step("Wait 2 days"),
            w2: step("Wait 2 days (2)"),
            w3: step("Cool-off"),
            x: step("Exit", "exit", {}),
            e: step("Wait for Order Completed", "wait_for_event", {
              event: "Order Completed",
              timeout: { amount: 1, unit: "days" },
            }),
          },
        },
      ],
      words,
    );
    const shown = (id: string) => lookup("j1", 3, id).step;
    expect(shown("w1")).toBe("Chờ 2 ngày");
    expect(shown("w2")).toBe("Wait 2 days (2)");
    expect(shown("w3")).toBe("Cool-off");
    expect(shown("x")).toBe("Thoát");
    expect(shown("e")).toBe("Chờ Order Completed");
    // Without words (exports, APIs), the stored name.
    expect(
      originNamesFrom([{ ...lookupRow(), steps: { w1: step("Wait 2 days") } }])("j1", 3, "w1").step,
    ).toBe("Wait 2 days");
  });
});

function lookupRow() {
  return { journeyId: "j1", journeyName: "Welcome series", version: 3 };
}
