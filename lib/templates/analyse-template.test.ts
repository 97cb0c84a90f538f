import { describe, expect, it } from "vitest";
import { analyseTemplate } from "./analyse-template";
import { makeIsKnown } from "./known-variables";
import { ZTemplateContent } from "./template-content";
import { sampleEmail } from "./testing/sample-templates";

const analyse = (input: unknown, known?: Parameters<typeof analyseTemplate>[1]) =>
  analyseTemplate(ZTemplateContent.parse(input), known);

describe("analyseTemplate", () => {
  it("reports syntax errors with field path, line and column", () => {
    const { errors } = analyse({
      channel: "email",
      subject: "Hi {{ contact.firstName",
      blocks: [
        { id: "a", type: "text", text: "fine" },
        {
          id: "c",
          type: "columns",
          columns: [
            { blocks: [] },
            {
              blocks: [{ id: "t", type: "text", text: "line one\n  {% if contact.vip %}unclosed" }],
            },
          ],
        },
        {
          id: "b",
          type: "button",
          label: "{{ contact.firstName | shout }}",
          url: "https://x.test",
        },
      ],
    });
    expect(errors).toEqual([
      { path: "subject", line: 1, column: 4, message: 'output "{{ contact.firstName" not closed' },
      {
        path: "blocks.1.columns.1.blocks.0.text",
        line: 2,
        column: 3,
        message: "tag {% if contact.vip %} not closed",
      },
      { path: "blocks.2.label", line: 1, column: 1, message: "undefined filter: shout" },
    ]);
  });

  it("refuses partials in the editor already", () => {
    expect(analyse({ channel: "sms", body: "{% render 'x' %}" }).errors).toEqual([
      { path: "body", line: 1, column: 1, message: 'the "render" tag is not allowed in templates' },
    ]);
  });

  it("lists variables with known, default and required flags and every use", () => {
    const body =
      '{% if contact.vip %}VIP {% endif %}{{ contact.firstName | default: "x" }} {{ contact.plan }} {{ contact.shoeSize }}\n{% for i in event.properties.items %}{{ i.name }}{% endfor %}{% assign n = contact.firstName %}{{ n }} {{ message.code }}';
    const { errors, variables } = analyse(
      { channel: "sms", body },
      { attributes: ["plan", "vip"] },
    );
    expect(errors).toEqual([]);
    const byName = Object.fromEntries(variables.map((v) => [v.name, v]));
    expect(Object.keys(byName).sort()).toEqual([
      "contact.firstName",
      "contact.plan",
      "contact.shoeSize",
      "contact.vip",
      "event.properties.items",
      "message.code",
    ]);
    expect(byName["contact.vip"]).toMatchObject({
      known: true,
      hasDefault: true,
      required: false,
      uses: [{ path: "body", line: 1, column: 7, inOutput: false, hasDefault: false }],
    });
    expect(byName["contact.firstName"]).toMatchObject({
      known: true,
      hasDefault: true,
      required: false,
    });
    expect(byName["contact.firstName"]!.uses).toHaveLength(2);
    expect(byName["contact.plan"]).toMatchObject({
      known: true,
      hasDefault: false,
      required: true,
    });
    expect(byName["contact.shoeSize"]).toMatchObject({
      known: false,
      required: true,
      uses: [{ line: 1, column: body.indexOf("contact.shoeSize") + 1 }],
    });
    expect(byName["event.properties.items"]).toMatchObject({
      known: true,
      uses: [{ line: 2, column: 13 }],
    });
    expect(byName["message.code"]).toMatchObject({ known: true });
  });

  it("finds the variables in every field of an email", () => {
    const { variables } = analyseTemplate(sampleEmail());
    expect(variables.map((v) => v.name)).toEqual([
      "contact.city",
      "contact.firstName",
      "contact.plan",
      "contact.userId",
      "workspace.name",
    ]);
    expect(variables.find((v) => v.name === "contact.plan")).toMatchObject({
      known: false,
      hasDefault: true,
    });
    expect(variables.find((v) => v.name === "contact.userId")!.uses).toEqual([
      {
        path: "blocks.3.url",
        line: 1,
        column: "https://app.acme.test/w/{{ ".length + 1,
        inOutput: true,
        hasDefault: false,
      },
    ]);
  });
});

describe("known variables", () => {
  it("knows the always-known paths, the workspace's attributes both ways, and nothing else", () => {
    const isKnown = makeIsKnown({ attributes: ["plan", "address"], variables: ["campaign.name"] });
    for (const p of [
      "contact.email",
      "contact.userId",
      "contact.firstName",
      "contact.firstName.size",
      "contact.attributes",
      "contact.plan",
      "contact.attributes.plan",
      "contact.address.city",
      "event.name",
      "event.properties.sku",
      "event.properties",
      "workspace.name",
      "message.unsubscribeUrl",
      "message.anything",
      "campaign.name",
    ])
      expect(isKnown(p), p).toBe(true);
    for (const p of [
      "contact.shoeSize",
      "contact.attributes.shoeSize",
      "event.foo",
      "workspace.id",
      "campaign.id",
      "user.name",
      "contact",
    ])
      expect(isKnown(p), p).toBe(false);
  });
});
