import { describe, expect, it } from "vitest";
import { describeAllowEntry, isAllowListed, parseAllowList, type TAllowList } from "./allow-list";
import { parseIp } from "./ip-address";

function list(text: string): TAllowList {
  const parsed = parseAllowList(text);
  if ("errors" in parsed) throw new Error(parsed.errors.join("; "));
  return parsed;
}

const at = (host: string, port: number, ip: string) => ({ host, port, ip: parseIp(ip)! });

describe("WAYMARK_OUTBOUND_ALLOW", () => {
  it("reads addresses, ranges, host names and ports", () => {
    expect(
      list("127.0.0.1, ::1 10.0.0.0/8,mail.internal:25,[fd00::5]:8080,192.168.1.2:9000").map(
        describeAllowEntry,
      ),
    ).toEqual([
      "127.0.0.1/32",
      "0:0:0:0:0:0:0:1/128",
      "10.0.0.0/8",
      "mail.internal:25",
      "fd00:0:0:0:0:0:0:5/128:8080",
      "192.168.1.2/32:9000",
    ]);
    expect(list("")).toEqual([]);
  });

  it("names each bad entry", () => {
    expect(parseAllowList("10.0.0.0/40,http://x,[::1]:0,10/8")).toEqual({
      errors: [
        '"10.0.0.0/40": bad prefix length',
        '"http://x": not an IP address, CIDR range or host name',
        '"[::1]:0": bad port',
        '"10/8": not an IP address, CIDR range or host name',
      ],
    });
  });

  it("matches by range, by host name and by port", () => {
    const l = list("10.0.0.0/8,127.0.0.1:2525,mail.internal");
    expect(isAllowListed(l, at("x", 80, "10.9.8.7"))).toBe(true);
    expect(isAllowListed(l, at("x", 80, "11.0.0.1"))).toBe(false);
    expect(isAllowListed(l, at("x", 2525, "127.0.0.1"))).toBe(true);
    expect(isAllowListed(l, at("x", 25, "127.0.0.1"))).toBe(false);
    expect(isAllowListed(l, at("MAIL.internal.", 25, "192.168.0.9"))).toBe(true);
    // An IPv4 entry does not let the mapped IPv6 form through, nor the other way round.
    expect(isAllowListed(l, at("x", 2525, "::ffff:127.0.0.1"))).toBe(false);
  });
});
