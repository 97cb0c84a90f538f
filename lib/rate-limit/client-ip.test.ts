import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp, the address per-IP limits count against", () => {
  it("behind two trusted proxies, takes the address the outer one saw, not the nearest hop", () => {
    // client-forged, real client, CDN edge (as the load balancer saw it)
    const h = xff("6.6.6.6, 203.0.113.7, 198.51.100.2");
    expect(clientIp(h, 2)).toBe("203.0.113.7");
    // Two clients behind the same CDN edge get their own buckets.
    expect(clientIp(xff("203.0.113.8, 198.51.100.2"), 2)).not.toBe(clientIp(h, 2));
  });

  it("never reads what the client wrote further left", () => {
    expect(clientIp(xff("1.1.1.1, 2.2.2.2, 203.0.113.7"), 1)).toBe("203.0.113.7");
  });

  it("falls back to the nearest entry with 0 hops or fewer entries than hops, then X-Real-IP", () => {
    expect(clientIp(xff("203.0.113.7"), 3)).toBe("203.0.113.7");
    expect(clientIp(xff("6.6.6.6, 203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-real-ip": "192.0.2.9" }), 1)).toBe("192.0.2.9");
    expect(clientIp(new Headers(), 1)).toBe("unknown");
  });
});
