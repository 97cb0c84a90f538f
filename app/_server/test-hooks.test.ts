import { describe, expect, it } from "vitest";
import { fromLoopback } from "./test-hooks";

const req = (headers: Record<string, string>) => new Request("http://x/api/test/sql", { headers });

describe("test hooks answer only callers on this machine", () => {
  it("accepts loopback sockets (Next names them in X-Forwarded-For) on a loopback host", () => {
    expect(fromLoopback(req({ "x-forwarded-for": "127.0.0.1", host: "127.0.0.1:3100" }))).toBe(
      true,
    );
    expect(fromLoopback(req({ "x-forwarded-for": "::1", host: "localhost:3100" }))).toBe(true);
    expect(fromLoopback(req({ "x-forwarded-for": "::ffff:127.0.0.1", host: "[::1]:3100" }))).toBe(
      true,
    );
  });

  it("refuses remote callers, proxied callers and public host names", () => {
    expect(fromLoopback(req({ "x-forwarded-for": "203.0.113.9", host: "127.0.0.1" }))).toBe(false);
    // A proxy appends the real client after whatever the client claimed.
    expect(
      fromLoopback(req({ "x-forwarded-for": "127.0.0.1, 198.51.100.4", host: "127.0.0.1" })),
    ).toBe(false);
    expect(fromLoopback(req({ "x-forwarded-for": "127.0.0.1", host: "waymark.example.com" }))).toBe(
      false,
    );
    expect(fromLoopback(req({ host: "127.0.0.1" }))).toBe(false);
  });
});
