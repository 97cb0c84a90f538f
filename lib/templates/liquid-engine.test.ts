import { describe, expect, it } from "vitest";
import { LIQUID_RENDER_LIMIT_MS, liquidEngine, parseLiquid } from "./liquid-engine";
import { missingValueIn } from "./missing-value";
import { tryCompileField } from "./personalise";

const render = (mode: "html" | "text" | "json", src: string, scope: object = {}) =>
  liquidEngine(mode).renderSync(parseLiquid(mode, src), scope);
const renderError = (mode: "html" | "text", src: string, scope: object = {}) => {
  try {
    render(mode, src, scope);
  } catch (err) {
    return err as Error & { originalError?: Error };
  }
  throw new Error("rendered without an error");
};

describe("sealed Liquid engine", () => {
  it.each([
    "{% include '/etc/passwd' %}",
    "{% include 'header' %}",
    "{% render '/etc/passwd' %}",
    "{% render 'footer', x: 1 %}",
    "{% layout '/etc/passwd' %}{% block a %}x{% endblock %}",
    "{% include contact.file %}",
  ])("refuses partials at parse time: %s", (src) => {
    for (const mode of ["html", "text", "json"] as const) {
      const r = tryCompileField("body", mode, `Hello\n${src}`);
      expect(r).toMatchObject({ path: "body", line: 2, column: 1 });
      expect("message" in r && r.message).toMatch(/tag is not allowed/);
    }
  });

  it("cannot reach files even when the tag check is bypassed", async () => {
    // The engine's own file system has no files: a direct file render fails without touching disk.
    await expect(liquidEngine("text").renderFile("/etc/passwd")).rejects.toThrow(
      /ENOENT|cannot read|Failed to lookup/,
    );
    expect(() => liquidEngine("text").renderFileSync("/etc/hostname")).toThrow();
  });

  it("does not run code or reach prototypes", () => {
    // Own properties only: a prototype's members read as nothing, so printing one skips the send.
    expect(
      render(
        "text",
        "{{ contact.constructor.constructor | default: '' }}|{{ contact.__proto__ | default: '' }}|{{ contact.a }}",
        { contact: { a: 1 } },
      ),
    ).toBe("||1");
    expect(
      missingValueIn(renderError("text", "{{ contact.constructor }}", { contact: {} }))?.variable,
    ).toBe("contact.constructor");
    expect(() => parseLiquid("text", "{{ 'x' | eval }}")).toThrow(/undefined filter: eval/);
  });

  it("stops runaway loops and memory", () => {
    expect(() => render("text", "{% for i in (1..100000000) %}{{ i }}{% endfor %}")).toThrow(
      /memory|limit/i,
    );
    // A million iterations in all, each range small: caught by the time limit, quickly.
    const nested =
      "{% for a in (1..1000) %}{% for b in (1..1000) %}{{ a }}{% endfor %}{% endfor %}";
    const started = performance.now();
    expect(() => render("text", nested)).toThrow(/limit/i);
    expect(performance.now() - started).toBeLessThan(LIQUID_RENDER_LIMIT_MS * 5);
  });

  it("escapes output in HTML, not in text, and JSON-escapes in JSON", () => {
    const scope = { v: `<script>alert("x")</script> & 'y'` };
    expect(render("html", `<a title="{{ v }}">{{ v }}</a>`, scope)).toBe(
      `<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</a>`,
    );
    expect(render("text", "{{ v }}", scope)).toBe(scope.v);
    expect(
      JSON.parse(
        render("json", `{"v": "{{ v }}", "o": {{ o | json }}}`, { ...scope, o: { a: [1, "b"] } }),
      ),
    ).toEqual({ v: scope.v, o: { a: [1, "b"] } });
  });

  it("strips the private-use marker characters from every value", () => {
    expect(render("html", "{{ v }}", { v: "a\uE0001\uE001b\uE002" })).toBe("a1b");
    expect(render("text", "{{ v }}", { v: "\uE003x" })).toBe("x");
    expect(render("html", "{{ v | raw }}", { v: "<b>\uE003</b>" })).toBe("<b></b>");
  });

  it("skips on a missing value without a default, in any filter chain", () => {
    for (const src of [
      "Hi {{ contact.firstName }}",
      "Hi {{ contact.firstName | upcase }}",
      "{% if true %}{{ contact.firstName | append: '!' }}{% endif %}",
    ]) {
      for (const value of [undefined, null, ""]) {
        const err = renderError("html", src, { contact: { firstName: value } });
        expect(missingValueIn(err)?.message).toBe("missing value: contact.firstName");
      }
    }
  });

  it("uses the default, and lets a guard decide", () => {
    expect(render("html", '{{ contact.firstName | default: "there" }}', { contact: {} })).toBe(
      "there",
    );
    expect(
      render("html", '{{ contact.firstName | upcase | default: "there" }}', { contact: {} }),
    ).toBe("there");
    expect(
      render(
        "text",
        "{% if contact.firstName %}Hi {{ contact.firstName }}{% else %}Hi{% endif %}",
        { contact: {} },
      ),
    ).toBe("Hi");
    expect(
      render("text", "{{ 0 }} {{ contact.n }} {{ contact.f }}", { contact: { n: 0, f: false } }),
    ).toBe("0 0 false");
    expect(
      render("text", "{% for p in items %}{{ p.name }},{% endfor %}", {
        items: [{ name: "a" }, { name: "b" }],
      }),
    ).toBe("a,b,");
    expect(
      missingValueIn(
        renderError("text", "{% for p in items %}{{ p.name }}{% endfor %}", { items: [{}] }),
      )?.variable,
    ).toBe("p.name");
  });
});
