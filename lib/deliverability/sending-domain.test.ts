import { describe, expect, it } from "vitest";
import { sendingDomainOf } from "./sending-domain";

describe("sendingDomainOf", () => {
  it("reads the domain of a bare or named From address, in lower case", () => {
    expect(sendingDomainOf("hello@acme.com")).toBe("acme.com");
    expect(sendingDomainOf("Acme News <News@Mail.Acme.COM>")).toBe("mail.acme.com");
    expect(sendingDomainOf('"Lan @ Acme" <lan@acme.vn.>')).toBe("acme.vn");
    expect(sendingDomainOf("xn--bcher-kva.example")).toBeNull();
    expect(sendingDomainOf("hi@xn--bcher-kva.example")).toBe("xn--bcher-kva.example");
  });

  it("is null when there is no domain to read", () => {
    expect(sendingDomainOf(undefined)).toBeNull();
    expect(sendingDomainOf("")).toBeNull();
    expect(sendingDomainOf("@acme.com")).toBeNull();
    expect(sendingDomainOf("hello@localhost")).toBeNull();
    expect(sendingDomainOf("hello@acme.com>evil")).toBeNull();
  });
});
