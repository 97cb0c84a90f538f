import { readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/app/_server/http";
import { CONFLICT_REASONS, ConflictError } from "@/lib/errors";
import { errorReason } from "@/lib/http/api-fetch";
import { LOCALES } from "./locales";

/**
 * Every reason a 409 can give is worded in every language (errors.conflicts.<code>), with the
 * values the throw sites send, and reaches the client as `error.reason`.
 */
const SAMPLE = {
  name: "Welcome",
  key: "deals",
  users: '"Onboarding"',
  state: "paused",
  action: "pause",
};

describe("conflict reasons", () => {
  for (const locale of LOCALES) {
    it(`${locale} words every reason`, () => {
      const catalogue = JSON.parse(
        readFileSync(path.join(import.meta.dirname, "messages", `${locale}.json`), "utf8"),
      ) as { errors: { conflicts: Record<string, string> } };
      const worded = catalogue.errors.conflicts;
      expect(Object.keys(worded).sort()).toEqual([...CONFLICT_REASONS].sort());
      for (const code of CONFLICT_REASONS) {
        const text = new IntlMessageFormat(worded[code]!, locale).format(SAMPLE) as string;
        expect(text.length, code).toBeGreaterThan(5);
        expect(text, code).not.toMatch(/[{}]/);
      }
    });
  }

  it("sends the reason beside the English message, and the client reads it back", async () => {
    const res = errorResponse(
      new ConflictError(
        'A journey named "Welcome" already exists in this workspace',
        { name: 'A journey named "Welcome" already exists in this workspace' },
        { code: "name_taken", values: { name: "Welcome" } },
      ),
    );
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      code: "conflict",
      message: 'A journey named "Welcome" already exists in this workspace',
      reason: { code: "name_taken", values: { name: "Welcome" } },
    });
    expect(errorReason(body.error)).toEqual({ code: "name_taken", values: { name: "Welcome" } });
    expect(errorReason({ reason: { code: 5 } })).toBeUndefined();
    expect(errorReason({ reason: { code: "in_use", values: { users: "x", bad: {} } } })).toEqual({
      code: "in_use",
      values: { users: "x" },
    });
  });
});
