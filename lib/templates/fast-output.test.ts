import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/random/seeded-random";
import { liquidEngine, parseLiquid, type TLiquidMode } from "./liquid-engine";
import { missingValueIn } from "./missing-value";

// The fast path for simple outputs must print exactly what LiquidJS's own evaluation prints, and
// skip exactly when it skips: every template below runs both ways over random scopes.
const TEMPLATES = [
  "{{ a }}",
  "{{ a.b }}",
  '{{ a.b | default: "d" }}',
  "{{ a | default: 7 }}",
  '{{ list.first }}|{{ list.size }}|{{ a["b"] }}|{{ list[0] }}',
  '{% for x in list %}{{ x }}{{ forloop.index }}{% endfor %}{{ a.b.c | default: "" }}',
  '{% assign v = a.b %}{{ v | default: "none" }}',
  "{{ a.constructor }}",
  '{{ a | upcase | default: "x" }}',
  '{{ a | default: "x", allow_false: true }}',
];
const VALUES: unknown[] = [
  undefined,
  null,
  "",
  "x",
  "<b>&\"'",
  0,
  1.5,
  false,
  true,
  [],
  ["p", "q"],
  {},
  { b: "B" },
  { b: { c: "C" } },
  { b: "" },
  { b: false },
];

function run(
  mode: TLiquidMode,
  src: string,
  scope: object,
  fastOutputs: boolean,
  tries = 3,
): string {
  try {
    return liquidEngine(mode).renderSync(parseLiquid(mode, src, { fastOutputs }), scope);
  } catch (err) {
    const missing = missingValueIn(err);
    if (missing) return `SKIP ${missing.variable}`;
    // The engine's wall-clock limit: a loaded machine can take the CPU away mid-render. What is
    // compared here is the output, not the time, so such a render is simply tried again.
    if (tries > 1 && /render limit exceeded/.test(String(err)))
      return run(mode, src, scope, fastOutputs, tries - 1);
    throw err;
  }
}

describe("fast outputs", () => {
  it("print and skip exactly like the general path", () => {
    const r = seededRandom(7);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      const scope = { a: pick(VALUES), list: pick([[], ["p", "q"], "str", undefined]) };
      for (const src of TEMPLATES)
        for (const mode of ["html", "text", "json"] as const) {
          expect(run(mode, src, scope, true), `${mode} ${src} ${JSON.stringify(scope)}`).toBe(
            run(mode, src, scope, false),
          );
          compared++;
        }
    }
    expect(compared).toBe(400 * TEMPLATES.length * 3);
  });

  it("is taken for plain paths and single literal defaults only", () => {
    const isFast = (src: string) => {
      const [out] = parseLiquid("html", src);
      return Object.prototype.hasOwnProperty.call(out, "render");
    };
    expect(isFast("{{ contact.firstName }}")).toBe(true);
    expect(isFast('{{ contact.firstName | default: "there" }}')).toBe(true);
    expect(isFast('{{ contact["first name"] }}')).toBe(true);
    expect(isFast("{{ contact.firstName | upcase }}")).toBe(false);
    expect(isFast("{{ contact[key] }}")).toBe(false);
    expect(isFast("{{ contact.firstName | default: other }}")).toBe(false);
    expect(isFast("{{ contact.bio | raw }}")).toBe(false);
  });
});
