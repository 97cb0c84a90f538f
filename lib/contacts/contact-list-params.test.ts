import { describe, expect, it } from "vitest";
import {
  attributeCandidates,
  contactListQuery,
  parseContactListParams,
  parseSearch,
} from "./contact-list-params";
import { parseCursor } from "@/lib/pagination/keyset-cursor";

const CURSOR = "2026-01-02T03:04:05.123456Z_0b6f1c1e-8f5e-4c2a-9a51-1d4b7f0c2e11";

describe("contact list params", () => {
  it("reads every part of the state from the URL and writes it back", () => {
    const p = parseContactListParams({
      q: "  ada@ ",
      has: ["email", "push"],
      optout: "1",
      created: "30",
      after: CURSOR,
    });
    expect(p).toEqual({
      q: "ada@",
      search: { kind: "text", idPrefix: "ada@", emailPrefix: "ada@", phonePrefix: null },
      has: ["email", "push"],
      optedOut: true,
      createdWithinDays: 30,
      after: parseCursor(CURSOR),
      before: null,
    });
    expect(contactListQuery(p)).toBe("?q=ada%40&has=email&has=push&optout=1&created=30");
    expect(contactListQuery(p, { before: p.after! })).toBe(
      `?q=ada%40&has=email&has=push&optout=1&created=30&before=${encodeURIComponent(CURSOR)}`,
    );
    expect(contactListQuery(parseContactListParams({}))).toBe("");
  });

  it("drops what it cannot read instead of failing", () => {
    expect(
      parseContactListParams({
        has: "fax",
        created: "365",
        optout: "yes",
        after: "garbage",
        before: "2026-13-45T00:00:00Z_x",
      }),
    ).toEqual({
      q: "",
      search: { kind: "none" },
      has: [],
      optedOut: false,
      createdWithinDays: null,
      after: null,
      before: null,
    });
    expect(parseContactListParams({ q: "x".repeat(500) }).q).toHaveLength(200);
    expect(parseCursor("2026-01-02T03:04:05Z_42", "bigint")).toEqual({
      ts: "2026-01-02T03:04:05Z",
      id: "42",
    });
    expect(parseCursor("2026-01-02T03:04:05Z_42")).toBeNull();
  });
});

describe("search", () => {
  it("treats key:value as an attribute, typed as the value looks", () => {
    expect(parseSearch("plan:pro")).toEqual({
      kind: "attribute",
      key: "plan",
      idPrefix: "plan:pro",
      candidates: [{ plan: "pro" }, { plan: ["pro"] }],
    });
    expect(attributeCandidates("seats", "5")).toEqual([
      { seats: "5" },
      { seats: ["5"] },
      { seats: 5 },
      { seats: [5] },
    ]);
    expect(attributeCandidates("beta", "TRUE")).toEqual([
      { beta: "TRUE" },
      { beta: ["TRUE"] },
      { beta: true },
      { beta: [true] },
    ]);
    expect(attributeCandidates("name", '"Ada Lovelace"')).toEqual([
      { name: "Ada Lovelace" },
      { name: ["Ada Lovelace"] },
    ]);
  });

  it("falls back to a prefix search when the key is not an attribute name or the value is empty", () => {
    expect(parseSearch("$plan:pro").kind).toBe("text");
    expect(parseSearch("plan:").kind).toBe("text");
    expect(parseSearch("")).toEqual({ kind: "none" });
  });

  it("lower-cases emails and reduces phones to E.164 digits", () => {
    expect(parseSearch("Ada@Example")).toEqual({
      kind: "text",
      idPrefix: "Ada@Example",
      emailPrefix: "ada@example",
      phonePrefix: null,
    });
    expect(parseSearch("+1 (415) 555")).toMatchObject({ phonePrefix: "+1415555" });
    expect(parseSearch("12")).toMatchObject({ phonePrefix: null });
  });
});
