import { describe, expect, it } from "vitest";
import { attributeName, inferType, suggestMapping } from "./suggest-mapping";

describe("suggested mapping", () => {
  it("maps well-known headers to fields, opt-outs to channels, and the rest to typed attributes", () => {
    const header = [
      "ID",
      "User ID",
      "E-mail",
      "Mobile",
      "Time Zone",
      "Country",
      "First Name",
      "plan",
      "Seats",
      "Trial ends",
      "VIP",
      "Tags",
      "email_opt_out",
      "SMS opt-in",
      "zip",
    ];
    const rows = [
      [
        "9",
        "u-1",
        "a@x.io",
        "+33612345678",
        "Europe/Paris",
        "FR",
        "Ann",
        "pro",
        "3",
        "2026-12-01",
        "yes",
        "a|b",
        "no",
        "yes",
        "01234",
      ],
      [
        "8",
        "u-2",
        "b@x.io",
        "+14155550101",
        "America/New_York",
        "US",
        "Bob",
        "free",
        "10",
        "2027-01-15",
        "no",
        "c",
        "yes",
        "no",
        "94105",
      ],
    ];
    expect(suggestMapping(header, rows)).toEqual([
      { kind: "attribute", name: "id", type: "number" },
      { kind: "userId" },
      { kind: "field", field: "email" },
      { kind: "field", field: "phone" },
      { kind: "field", field: "timezone" },
      { kind: "field", field: "country" },
      { kind: "attribute", name: "firstName", type: "text" },
      { kind: "attribute", name: "plan", type: "text" },
      { kind: "attribute", name: "seats", type: "number" },
      { kind: "attribute", name: "trialEnds", type: "date" },
      { kind: "attribute", name: "vip", type: "boolean" },
      { kind: "attribute", name: "tags", type: "list" },
      { kind: "channel", channel: "email", meaning: "opt_out" },
      { kind: "channel", channel: "sms", meaning: "opt_in" },
      { kind: "attribute", name: "zip", type: "text" },
    ]);
  });

  it("falls back to a plain id column, ignores an error report's own columns, and dedupes names", () => {
    expect(
      suggestMapping(["error_row", "error_columns", "error_message", "id", "Plan", "plan"], []),
    ).toEqual([
      { kind: "ignore" },
      { kind: "ignore" },
      { kind: "ignore" },
      { kind: "userId" },
      { kind: "attribute", name: "plan", type: "text" },
      { kind: "attribute", name: "plan6", type: "text" },
    ]);
  });

  it("names and types attributes", () => {
    expect(attributeName("first_name", 0)).toBe("firstName");
    expect(attributeName("  ", 4)).toBe("column5");
    expect(attributeName("Customer LTV", 0)).toBe("customerLtv");
    expect(attributeName("Préférence langue", 0)).toBe("préférenceLangue");
    expect(inferType(["1", "0", "1"])).toBe("number");
    expect(inferType(["true", "FALSE"])).toBe("boolean");
    expect(inferType(["", ""])).toBe("text");
  });
});
