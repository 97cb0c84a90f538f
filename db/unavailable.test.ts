import { describe, expect, it } from "vitest";
import { describeDatabaseError } from "./unavailable";

describe("describeDatabaseError", () => {
  it("says what the server said and where, without the statement's parameters", () => {
    const err = new Error(
      "Failed query: insert into events (workspace_id, name)\n   values ($1, $2)\nparams: ws-1,ada@example.com",
      {
        cause: Object.assign(
          new Error('could not extend file "base/1/2": No space left on device'),
          {
            code: "53100",
          },
        ),
      },
    );
    const line = describeDatabaseError(err);
    expect(line).toBe(
      '[53100] could not extend file "base/1/2": No space left on device (in: insert into events (workspace_id, name) values ($1, $2)…)',
    );
    expect(line).not.toContain("ada@example.com");
  });

  it("describes a bare connection error by its message", () => {
    expect(describeDatabaseError(new Error("Connection terminated unexpectedly"))).toBe(
      "Connection terminated unexpectedly",
    );
  });
});
