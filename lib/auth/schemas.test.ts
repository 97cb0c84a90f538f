import { describe, expect, it } from "vitest";
import { ZPassword, ZSignUp } from "./schemas";

const messages = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("sign-up input", () => {
  it("normalises the email", () => {
    const r = ZSignUp.parse({
      name: " Ada ",
      email: "  Ada@Example.COM ",
      password: "long enough pass",
    });
    expect(r).toMatchObject({ name: "Ada", email: "ada@example.com" });
  });

  it("names each bad field with a message a person understands", () => {
    const r = ZSignUp.safeParse({ name: "", email: "not-an-email", password: "short" });
    expect(messages(r)).toEqual({
      name: "Name is required",
      email: "Enter a valid email address",
      password: "Password must be at least 10 characters",
    });
  });

  it.each([
    ["short1", "Password must be at least 10 characters"],
    ["Password123", "This password is too common; choose another"],
    ["aaaaaaaaaaaa", "Password is too repetitive; use more different characters"],
  ])("refuses the weak password %j", (pw, message) => {
    expect(messages(ZPassword.safeParse(pw))).toEqual({ "": message });
  });

  it("accepts a long passphrase", () => {
    expect(ZPassword.safeParse("purple monkey dishwasher").success).toBe(true);
  });
});
