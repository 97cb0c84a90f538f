import { describe, expect, it } from "vitest";
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
});
