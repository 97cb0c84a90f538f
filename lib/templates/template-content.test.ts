import { describe, expect, it } from "vitest";
import { ZEmailContent, ZTemplateContent } from "./template-content";
import { sampleEmail } from "./testing/sample-templates";

const issuePaths = (input: unknown) => {
  const r = ZTemplateContent.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("template content schemas", () => {
  it("accepts a full email and fills theme defaults", () => {
    expect(ZTemplateContent.parse(sampleEmail()).channel).toBe("email");
    const minimal = ZEmailContent.parse({ channel: "email", subject: "Hi", blocks: [] });
    expect(minimal.theme).toEqual({
      brandColor: "#2563eb",
      backgroundColor: "#f3f4f6",
      fontFamily: "system",
      contentWidth: 600,
    });
  });

  it("points errors at the field", () => {
    expect(issuePaths({ channel: "email", subject: "", blocks: [] })).toEqual(["subject"]);
    expect(
      issuePaths({
        channel: "email",
        subject: "x",
        blocks: [{ id: "b", type: "button", label: "Go", url: "javascript:alert(1)" }],
      }),
    ).toEqual(["blocks.0.url"]);
    expect(
      issuePaths({ channel: "email", subject: "x", theme: { brandColor: "red" }, blocks: [] }),
    ).toEqual(["theme.brandColor"]);
    expect(
      issuePaths({
        channel: "email",
        subject: "x",
        blocks: [{ id: "t", type: "text", text: "see [this](javascript:alert(1))" }],
      }),
    ).toEqual(["blocks.0.text"]);
    expect(
      issuePaths({
        channel: "email",
        subject: "x",
        blocks: [
          {
            id: "c",
            type: "columns",
            columns: [
              { blocks: [{ id: "i", type: "image", src: "ftp://x", alt: "" }] },
              { blocks: [] },
            ],
          },
        ],
      }),
    ).toEqual(["blocks.0.columns.0.blocks.0.src"]);
    expect(
      issuePaths({
        channel: "in_app",
        title: "t",
        body: "b",
        buttons: [{ label: "Go", action: "url" }],
      }),
    ).toEqual(["buttons.0.value"]);
    expect(issuePaths({ channel: "voice", speech: "hi", language: "english please" })).toEqual([
      "language",
    ]);
    expect(issuePaths({ channel: "fax", body: "x" })).toEqual(["channel"]);
  });

  it("allows Liquid where a URL goes, and refuses columns inside columns or a lone column", () => {
    expect(
      issuePaths({
        channel: "email",
        subject: "x",
        blocks: [{ id: "b", type: "button", label: "Go", url: "{{ event.properties.url }}" }],
      }),
    ).toEqual([]);
    const col = { id: "c", type: "columns", columns: [{ blocks: [] }] };
    expect(issuePaths({ channel: "email", subject: "x", blocks: [col] })).toEqual([
      "blocks.0.columns",
    ]);
    expect(
      issuePaths({
        channel: "email",
        subject: "x",
        blocks: [
          {
            ...col,
            columns: [
              { blocks: [{ ...col, id: "d", columns: [{ blocks: [] }, { blocks: [] }] }] },
              { blocks: [] },
            ],
          },
        ],
      })[0],
    ).toMatch(/^blocks\.0\.columns\.0\.blocks\.0/);
  });

  it("refuses duplicate block ids, naming the second", () => {
    const email = {
      channel: "email",
      subject: "x",
      blocks: [
        { id: "a", type: "divider" },
        {
          id: "c",
          type: "columns",
          columns: [{ blocks: [{ id: "a", type: "spacer" }] }, { blocks: [] }],
        },
      ],
    };
    expect(issuePaths(email)).toEqual(["blocks.1.columns.0.blocks.0.id"]);
  });

  it("validates every other channel", () => {
    expect(issuePaths({ channel: "sms", body: "Hi {{ contact.firstName }}" })).toEqual([]);
    expect(
      issuePaths({
        channel: "push",
        title: "t",
        body: "b",
        data: { k: "{{ event.name }}" },
        imageUrl: "https://i.test/a.png",
      }),
    ).toEqual([]);
    expect(issuePaths({ channel: "push", title: "t", body: "b", data: { k: 3 } })).toEqual([
      "data.k",
    ]);
    expect(issuePaths({ channel: "webhook", body: '{"a": "{{ contact.email }}"}' })).toEqual([]);
    expect(
      issuePaths({
        channel: "in_app",
        title: "t",
        body: "b",
        buttons: [{ label: "Close", action: "dismiss" }],
      }),
    ).toEqual([]);
  });
});
