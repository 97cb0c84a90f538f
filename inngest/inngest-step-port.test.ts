import { describe, expect, it } from "vitest";
import { inngestStepPort, type TInngestStep } from "./inngest-step-port";

/** Records what the adapter asks of Inngest's step tools. */
function recordingStep() {
  const calls: [string, ...unknown[]][] = [];
  const step = {
    run: async (id: string, fn: () => unknown) => {
      calls.push(["run", id]);
      return fn();
    },
    sleep: async (id: string, t: unknown) => {
      calls.push(["sleep", id, t]);
    },
    sleepUntil: async (id: string, t: unknown) => {
      calls.push(["sleepUntil", id, t]);
    },
    waitForEvent: async (id: string, o: unknown) => {
      calls.push(["waitForEvent", id, o]);
      return { name: "contact/paid", data: { contactId: "c" }, id: "evt", ts: 5 };
    },
    sendEvent: async (id: string, p: unknown) => {
      calls.push(["sendEvent", id, p]);
      return { ids: ["x"] };
    },
  };
  return { calls, step: step as unknown as TInngestStep };
}

describe("inngestStepPort", () => {
  it("passes ids through and rounds waits under a second up to one", async () => {
    const { calls, step } = recordingStep();
    const port = inngestStepPort(step);
    expect(await port.run("node:a", () => ({ outcome: "yes" }))).toEqual({ outcome: "yes" });
    await port.sleep("node:w", 10);
    await port.sleepUntil("node:u", new Date("2026-01-01T00:00:00Z"));
    const exit = { journeyId: "j", version: 1, contactId: "c", entryId: "e", reason: "completed" };
    await port.announceExit("journey:exited", { ...exit, converted: false });
    expect(calls).toEqual([
      ["run", "node:a"],
      ["sleep", "node:w", 1000],
      ["sleepUntil", "node:u", new Date("2026-01-01T00:00:00Z")],
      [
        "sendEvent",
        "journey:exited",
        { name: "journey/contact.exited", data: { ...exit, converted: false } },
      ],
    ]);
  });

  it("waits for the tracked event under its executor name, leaving out an absent `if`", async () => {
    const { calls, step } = recordingStep();
    const port = inngestStepPort(step);
    expect(
      await port.waitForEvent("node:e", {
        event: "paid",
        timeoutMs: 60_000,
        if: "async.data.contactId == event.data.contactId",
      }),
    ).toEqual({ name: "contact/paid", data: { contactId: "c" }, ts: 5 });
    await port.waitForEvent("node:f", { event: "paid", timeoutMs: 5 });
    expect(calls.map((c) => c[2])).toEqual([
      {
        event: "contact/paid",
        timeout: 60_000,
        if: "async.data.contactId == event.data.contactId",
      },
      { event: "contact/paid", timeout: 1000 },
    ]);
  });
});
