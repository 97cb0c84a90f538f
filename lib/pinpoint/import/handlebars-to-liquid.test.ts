import { describe, expect, it } from "vitest";
import { renderLiquid } from "./testing/render-liquid";
import { handlebarsToLiquid, parseDefaults } from "./handlebars-to-liquid";

const convert = (s: string, defaults?: Record<string, string>, channel = "email") =>
  handlebarsToLiquid(s, { channel, defaults });

describe("handlebarsToLiquid", () => {
  it("maps user attributes, endpoint attributes, metrics and profile fields to contact paths", () => {
    const c = convert(
      "{{User.UserAttributes.FirstName}} {{Attributes.Plan}} {{Metrics.Visits}} {{User.UserId}} {{Demographic.Timezone}} {{Location.City}} {{Address}}",
    );
    expect(c.liquid).toBe(
      '{{ contact.attributes.FirstName | default: "" }} {{ contact.attributes.Plan | default: "" }} {{ contact.attributes.Visits | default: "" }} {{ contact.userId | default: "" }} {{ contact.timezone | default: "" }} {{ contact.city | default: "" }} {{ contact.email | default: "" }}',
    );
    expect(convert("{{Address}}", {}, "sms").liquid).toBe('{{ contact.phone | default: "" }}');
  });

  it("reads a list's first value as the attribute and quotes names with spaces", () => {
    const c = convert("{{Attributes.Plan.[0]}} {{User.UserAttributes.[Last Name]}}");
    expect(c.liquid).toBe(
      '{{ contact.attributes.Plan | default: "" }} {{ contact.attributes["Last Name"] | default: "" }}',
    );
    expect(c.approximated.join()).toMatch(/\[0\] reads the attribute/);
  });

  it("applies DefaultSubstitutions as default filters", () => {
    const c = convert("Hi {{User.UserAttributes.FirstName}}", {
      "User.UserAttributes.FirstName": "there",
    });
    expect(c.liquid).toBe('Hi {{ contact.attributes.FirstName | default: "there" }}');
  });

  it("converts if/else, unless, each with this and @index, and comparison blocks", () => {
    expect(convert("{{#if Attributes.Plan}}a{{else}}b{{/if}}").liquid).toBe(
      "{% if contact.attributes.Plan %}a{% else %}b{% endif %}",
    );
    expect(convert("{{#unless Attributes.Plan}}x{{/unless}}").liquid).toBe(
      "{% unless contact.attributes.Plan %}x{% endunless %}",
    );
    expect(convert("{{#each Attributes.Tags}}{{@index}}:{{this}} {{/each}}").liquid).toBe(
      "{% for item in contact.attributes.Tags %}{{ forloop.index0 }}:{{ item }} {% endfor %}",
    );
    expect(convert('{{#eq Attributes.Plan "pro"}}P{{/eq}}').liquid).toBe(
      '{% if contact.attributes.Plan == "pro" %}P{% endif %}',
    );
    expect(convert("{{#if (gt Metrics.Visits 3)}}many{{/if}}").liquid).toBe(
      "{% if contact.attributes.Visits > 3 %}many{% endif %}",
    );
  });

  it("turns string and math helpers into filters", () => {
    expect(convert("{{upper User.UserAttributes.LastName.[0]}}").liquid).toBe(
      '{{ contact.attributes.LastName | default: "" | upcase }}',
    );
    expect(convert("{{add Metrics.Visits 1}}").liquid).toBe(
      "{{ contact.attributes.Visits | default: 0 | plus: 1 }}",
    );
    expect(convert('{{replace Attributes.Name "a" "b"}}').liquid).toBe(
      '{{ contact.attributes.Name | default: "" | replace: "a", "b" }}',
    );
  });

  it("gives every variable a default, as Pinpoint renders a missing value as nothing", async () => {
    const c = convert("[{{Attributes.Missing}}]");
    expect(await renderLiquid(c.liquid, {})).toBe("[]");
  });

  it("drops and lists what has no Liquid equivalent", () => {
    const c = convert("x{{md5 Address}}y{{> footer}}z{{Recommendations.Title}}");
    expect(c.liquid).toBe("xyz");
    expect(c.unsupported).toHaveLength(3);
    expect(c.unsupported.join("\n")).toMatch(/md5/);
    expect(c.unsupported.join("\n")).toMatch(/partials/);
    expect(c.unsupported.join("\n")).toMatch(/recommendations/i);
  });

  it("produces Liquid that renders with an imported contact", async () => {
    const c = convert(
      "Hi {{User.UserAttributes.FirstName}}{{#if Attributes.Plan}}, {{upper Attributes.Plan}}{{/if}}!",
      { "User.UserAttributes.FirstName": "there" },
    );
    expect(await renderLiquid(c.liquid, { FirstName: "Ann", Plan: "pro" })).toBe("Hi Ann, PRO!");
    expect(await renderLiquid(c.liquid, {})).toBe("Hi there!");
  });
});

describe("parseDefaults", () => {
  it("reads the JSON string, with or without braces in keys", () => {
    expect(parseDefaults('{"User.UserAttributes.FirstName":"there","{{Attributes.X}}":1}')).toEqual(
      {
        "User.UserAttributes.FirstName": "there",
        "Attributes.X": "1",
      },
    );
    expect(parseDefaults("not json")).toEqual({ error: "is not valid JSON" });
    expect(parseDefaults(undefined)).toEqual({});
  });
});
