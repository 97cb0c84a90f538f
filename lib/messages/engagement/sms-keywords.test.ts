import { describe, expect, it } from "vitest";
import { smsKeyword } from "./sms-keywords";

describe("smsKeyword", () => {
  it("reads the standard keywords whatever the case and trailing punctuation", () => {
    expect(smsKeyword("stop")).toBe("opt_out");
    expect(smsKeyword(" Unsubscribe. ")).toBe("opt_out");
    expect(smsKeyword("START")).toBe("opt_in");
    expect(smsKeyword("help!")).toBe("help");
  });

  it("leaves ordinary replies alone, even when they contain a keyword", () => {
    expect(smsKeyword("please stop sending")).toBeNull();
    expect(smsKeyword("Yes please, what time?")).toBeNull();
  });
});
