// A generated contacts file with known bad rows, for the import tests (vitest, e2e and the benchmark).

import type { TMapping } from "../mapping";

export const CONTACT_HEADER = [
  "user_id",
  "email",
  "phone",
  "country",
  "first_name",
  "seats",
  "signup_date",
  "vip",
  "tags",
  "email_opt_out",
];

export const CONTACT_MAPPING: TMapping = {
  columns: [
    { kind: "userId" },
    { kind: "field", field: "email" },
    { kind: "field", field: "phone" },
    { kind: "field", field: "country" },
    { kind: "attribute", name: "firstName", type: "text" },
    { kind: "attribute", name: "seats", type: "number" },
    { kind: "attribute", name: "signupDate", type: "date" },
    { kind: "attribute", name: "vip", type: "boolean" },
    { kind: "attribute", name: "tags", type: "list" },
    { kind: "channel", channel: "email", meaning: "opt_out" },
  ],
};

/** What makes a row bad, by kind, and the message the report must give for it. */
export const BAD_CELLS = {
  email: { column: 1, value: "not-an-email", message: "email: must be a valid email address" },
  phone: {
    column: 2,
    value: "12",
    message:
      "phone: must be a valid phone number, in E.164 like +14155550100 or national with a country",
  },
  seats: { column: 5, value: "lots", message: "seats: must be a number like 1234.5" },
  date: {
    column: 6,
    value: "31/12/2026",
    message: "signup_date: must be a date like 2026-03-31 or 2026-03-31T14:30:00Z",
  },
  userId: { column: 0, value: "", message: "user_id: is required" },
} as const;

export function contactRow(i: number, prefix = "u"): string[] {
  return [
    `${prefix}-${i}`,
    `person${i}@example.com`,
    `+1415555${String(i % 10000).padStart(4, "0")}`,
    "US",
    `Name ${i}`,
    String(i % 50),
    "2026-01-15",
    i % 2 ? "yes" : "no",
    "a|b",
    i % 3 ? "no" : "yes",
  ];
}

/**
 * `n` data rows; `bad` maps a spreadsheet row number (the header is row 1) to the kind of defect
 * it gets. Returns the file and the expected report lines.
 */
export function contactsCsv(
  n: number,
  bad: Record<number, keyof typeof BAD_CELLS> = {},
  prefix = "u",
) {
  const lines = [CONTACT_HEADER.join(",")];
  for (let i = 1; i <= n; i++) {
    const row = contactRow(i, prefix);
    const defect = bad[i + 1];
    if (defect) row[BAD_CELLS[defect].column] = BAD_CELLS[defect].value;
    lines.push(row.join(","));
  }
  return lines.join("\n") + "\n";
}
