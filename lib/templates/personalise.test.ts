import { describe, expect, it } from "vitest";
import { liquidEngine, parseLiquid } from "./liquid-engine";
import { personalise } from "./personalise";

const RUNAWAY = "{% for a in (1..1000) %}{% for b in (1..1000) %}{{ a }}{% endfor %}{% endfor %}";
const render = (src: string, scope: object = {}) =>
  liquidEngine("text").renderSync(parseLiquid("text", src), scope);

describe("personalise", () => {
  it("names the missing value, and LiquidJS's errors without their position", () => {
    expect(personalise(() => render("Hi {{ contact.firstName }}", { contact: {} }))).toEqual({
      ok: false,
      reason: "missing value: contact.firstName",
      issue: { code: "missingValue", values: { variable: "contact.firstName" } },
    });
    const huge = personalise(() => render("{% for i in (1..100000000) %}{{ i }}{% endfor %}"));
    expect(huge).toEqual({
      ok: false,
      reason: expect.stringMatching(/^template error: \w.*limit exceeded$/),
      issue: {
        code: "templateError",
        values: { message: expect.stringMatching(/^\w.*limit exceeded$/) },
      },
    });
  });

  it("gives a render the time limit stopped one more go: a machine that was busy for a moment does not skip the message", () => {
    let calls = 0;
    const r = personalise(() => {
      calls++;
      // The first call is stopped by the real limit, as a render the OS paused would be.
      return calls === 1 ? render(RUNAWAY) : render("Hi {{ name }}", { name: "Ada" });
    });
    expect(r).toEqual({ ok: true, value: "Hi Ada" });
    expect(calls).toBe(2);
  });

  it("skips a template that really loops, after the second try", () => {
    let calls = 0;
    const r = personalise(() => (calls++, render(RUNAWAY)));
    expect(r).toEqual({
      ok: false,
      reason: "template error: template render limit exceeded",
      issue: { code: "templateError", values: { message: "template render limit exceeded" } },
    });
    expect(calls).toBe(2);
  });

  it("does not retry other errors", () => {
    let calls = 0;
    const r = personalise(() => (calls++, render("{% for i in (1..100000000) %}{% endfor %}")));
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(/memory/),
      issue: { code: "templateError", values: { message: expect.stringMatching(/memory/) } },
    });
    expect(calls).toBe(1);
  });
});
