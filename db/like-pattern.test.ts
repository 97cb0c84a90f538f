import { describe, expect, it } from "vitest";
import { likeContains, likePrefix } from "./like-pattern";

describe("LIKE patterns", () => {
  it("escapes LIKE wildcards", () => {
    expect(likePrefix("50%_off\\")).toBe("50\\%\\_off\\\\%");
    expect(likeContains("a_b")).toBe("%a\\_b%");
  });
});
