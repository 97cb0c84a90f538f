import { describe, expect, it } from "vitest";
import { classifyAddress, type TAddressClass } from "./classify-address";

/** Every spelling an attacker might use for an inside address, and public ones that must pass. */
const CASES: [string, TAddressClass | undefined][] = [
  // IPv4, plain
  ["8.8.8.8", "public"],
  ["93.184.216.34", "public"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["10.1.2.3", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["172.32.0.1", "public"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "cgnat"],
  ["100.127.255.255", "cgnat"],
  ["100.128.0.1", "public"],
  ["169.254.1.1", "link-local"],
  ["169.254.169.254", "metadata"],
  ["100.100.100.200", "metadata"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["255.255.255.255", "reserved"],
  ["198.18.0.1", "reserved"],
  // IPv4, other spellings (inet_aton, getaddrinfo and the URL parser accept them all)
  ["2130706433", "loopback"], // decimal
  ["0x7f000001", "loopback"], // hex
  ["0x7f.1", "loopback"],
  ["0177.0.0.1", "loopback"], // octal
  ["127.1", "loopback"],
  ["0x7F.0.0.1", "loopback"],
  ["2852039166", "metadata"], // 169.254.169.254 as one number
  ["0xa9.0xfe.0xa9.0xfe", "metadata"],
  ["012.0.0.1", "private"], // 10.0.0.1
  ["0", "unspecified"],
  // IPv6
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["::", "unspecified"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["fc00::1", "unique-local"],
  ["fd12:3456::1", "unique-local"],
  ["fd00:ec2::254", "metadata"],
  ["ff02::1", "multicast"],
  ["2001:db8::1", "reserved"],
  ["2001:0:4136:e378::1", "reserved"], // Teredo
  ["2606:4700:4700::1111", "public"],
  ["2a00:1450:4001:80b::200e", "public"],
  // IPv6 forms carrying an IPv4 address: judged by the IPv4 inside
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["[::ffff:169.254.169.254]", "metadata"],
  ["::ffff:a9fe:a9fe", "metadata"],
  ["::ffff:10.0.0.1", "private"],
  ["::ffff:8.8.8.8", "public"],
  ["::127.0.0.1", "loopback"], // IPv4-compatible
  ["::7f00:1", "loopback"],
  ["::ffff:0:127.0.0.1", "loopback"], // SIIT
  ["64:ff9b::127.0.0.1", "loopback"], // NAT64
  ["64:ff9b::8.8.8.8", "public"],
  ["2002:7f00:1::", "loopback"], // 6to4 of 127.0.0.1
  ["2002:c0a8:101::1", "private"], // 6to4 of 192.168.1.1
  // Not addresses: host names are resolved, then their answers are judged
  ["example.com", undefined],
  ["localhost", undefined],
  ["1.2.3.256", undefined],
  ["1.2.3.4.5", undefined],
  ["08.0.0.1", undefined], // 08 is neither octal nor decimal for inet_aton
];

describe("classifyAddress", () => {
  it.each(CASES)("%s is %s", (text, expected) => {
    expect(classifyAddress(text)).toBe(expected);
  });

  it("agrees with the URL parser on what an IPv4 spelling means", () => {
    for (const spelling of ["0x7f.1", "2130706433", "0177.0.0.1", "127.1"]) {
      const host = new URL(`http://${spelling}/`).hostname;
      expect(classifyAddress(host)).toBe(classifyAddress(spelling));
    }
  });
});
