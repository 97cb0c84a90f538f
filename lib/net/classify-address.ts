import { parseIp, samePrefix, type TIp } from "./ip-address";

/**
 * Why an address is not a public destination. Outbound traffic that a workspace admin can point
 * anywhere (webhooks, provider base URLs, SMTP hosts) must never reach the server's own network:
 * its loopback services, the cloud metadata endpoint, the private LAN behind it.
 */
export type TAddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "cgnat"
  | "link-local"
  | "metadata"
  | "unique-local"
  | "multicast"
  | "reserved";

type TRange = { prefix: string; bits: number; kind: Exclude<TAddressClass, "public"> };

/** Checked in order: the metadata addresses sit inside link-local and unique-local ranges. */
const V4_RANGES: TRange[] = [
  { prefix: "169.254.169.254", bits: 32, kind: "metadata" }, // AWS, GCP, Azure, OpenStack
  { prefix: "100.100.100.200", bits: 32, kind: "metadata" }, // Alibaba Cloud
  { prefix: "0.0.0.0", bits: 8, kind: "unspecified" },
  { prefix: "10.0.0.0", bits: 8, kind: "private" },
  { prefix: "100.64.0.0", bits: 10, kind: "cgnat" },
  { prefix: "127.0.0.0", bits: 8, kind: "loopback" },
  { prefix: "169.254.0.0", bits: 16, kind: "link-local" },
  { prefix: "172.16.0.0", bits: 12, kind: "private" },
  { prefix: "192.0.0.0", bits: 24, kind: "reserved" }, // IETF protocol assignments
  { prefix: "192.0.2.0", bits: 24, kind: "reserved" }, // documentation
  { prefix: "192.88.99.0", bits: 24, kind: "reserved" }, // 6to4 relay anycast
  { prefix: "192.168.0.0", bits: 16, kind: "private" },
  { prefix: "198.18.0.0", bits: 15, kind: "reserved" }, // benchmarking
  { prefix: "198.51.100.0", bits: 24, kind: "reserved" },
  { prefix: "203.0.113.0", bits: 24, kind: "reserved" },
  { prefix: "224.0.0.0", bits: 4, kind: "multicast" },
  { prefix: "240.0.0.0", bits: 4, kind: "reserved" }, // includes 255.255.255.255
];

const V6_RANGES: TRange[] = [
  { prefix: "fd00:ec2::254", bits: 128, kind: "metadata" }, // AWS over IPv6
  { prefix: "::", bits: 128, kind: "unspecified" },
  { prefix: "::1", bits: 128, kind: "loopback" },
  { prefix: "64:ff9b:1::", bits: 48, kind: "reserved" }, // local-use NAT64
  { prefix: "100::", bits: 64, kind: "reserved" }, // discard
  { prefix: "2001::", bits: 32, kind: "reserved" }, // Teredo: hides an IPv4 we cannot check
  { prefix: "2001:db8::", bits: 32, kind: "reserved" },
  { prefix: "fc00::", bits: 7, kind: "unique-local" },
  { prefix: "fe80::", bits: 10, kind: "link-local" },
  { prefix: "fec0::", bits: 10, kind: "link-local" }, // deprecated site-local
  { prefix: "ff00::", bits: 8, kind: "multicast" },
];

/** IPv6 forms that carry an IPv4 address: the IPv4 inside is what the packets reach. */
const V6_EMBEDDING_V4: { prefix: string; bits: number; at: number }[] = [
  { prefix: "::ffff:0:0", bits: 96, at: 12 }, // IPv4-mapped
  { prefix: "::ffff:0:0:0", bits: 96, at: 12 }, // SIIT IPv4-translated
  { prefix: "64:ff9b::", bits: 96, at: 12 }, // NAT64
  { prefix: "2002::", bits: 16, at: 2 }, // 6to4
  { prefix: "::", bits: 96, at: 12 }, // IPv4-compatible (deprecated), after :: and ::1 above
];

const compiled = <T extends { prefix: string }>(list: T[]) =>
  list.map((r) => ({ ...r, bytes: parseIp(r.prefix)!.bytes }));
const V4 = compiled(V4_RANGES);
const V6 = compiled(V6_RANGES);
const V6_V4 = compiled(V6_EMBEDDING_V4);

export function classifyIp(ip: TIp): TAddressClass {
  if (ip.family === 4)
    return V4.find((r) => samePrefix(ip.bytes, r.bytes, r.bits))?.kind ?? "public";
  const own = V6.find((r) => samePrefix(ip.bytes, r.bytes, r.bits));
  if (own) return own.kind;
  const embedding = V6_V4.find((r) => samePrefix(ip.bytes, r.bytes, r.bits));
  if (embedding)
    return classifyIp({ family: 4, bytes: ip.bytes.slice(embedding.at, embedding.at + 4) });
  return "public";
}

/** The class of an IP literal in any spelling; undefined when `text` is not an IP literal. */
export function classifyAddress(text: string): TAddressClass | undefined {
  const ip = parseIp(text);
  return ip ? classifyIp(ip) : undefined;
}
