import { isIPv6 } from "node:net";

/**
 * IP literals as bytes, so every check compares numbers and never strings: the same address has
 * many spellings (`2130706433`, `0x7f.1`, `0177.0.0.1`, `::ffff:7f00:1`, `[::1]`, `fe80::1%eth0`).
 */
export type TIp = { family: 4; bytes: Uint8Array } | { family: 6; bytes: Uint8Array };

function parseV4Part(part: string): number | undefined {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return parseInt(part, 8);
  if (/^(0|[1-9][0-9]*)$/.test(part)) return Number(part);
  return undefined;
}

/**
 * IPv4 as `inet_aton` (and so getaddrinfo and the WHATWG URL parser) reads it: one to four parts,
 * each decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes.
 */
export function parseIPv4(text: string): Uint8Array | undefined {
  const parts = text.split(".");
  if (parts.length > 4 || parts.some((p) => p === "")) return undefined;
  const nums = parts.map(parseV4Part);
  if (nums.some((n) => n === undefined || !Number.isFinite(n))) return undefined;
  const values = nums as number[];
  const last = values[values.length - 1]!;
  const head = values.slice(0, -1);
  if (head.some((n) => n > 255)) return undefined;
  if (last >= 256 ** (4 - head.length)) return undefined;
  let n = last;
  head.forEach((v, i) => (n += v * 256 ** (3 - i)));
  return new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

/** IPv6 in any textual form (zone id dropped, embedded dotted IPv4 allowed) as 16 bytes. */
export function parseIPv6(text: string): Uint8Array | undefined {
  const bare = text.replace(/%.*$/, "");
  if (!isIPv6(bare)) return undefined;
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) becomes the two hex groups it stands for.
  let head = bare;
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (dotted) {
    const v4 = parseIPv4(dotted[2]!);
    if (!v4) return undefined;
    head = `${dotted[1]}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const [left, right] = head.includes("::") ? head.split("::") : [head, undefined];
  const l = left ? left.split(":") : [];
  const r = right ? right.split(":") : [];
  const missing = 8 - l.length - r.length;
  const groups = right === undefined ? l : [...l, ...Array<string>(missing).fill("0"), ...r];
  if (groups.length !== 8) return undefined;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    bytes[i * 2] = v >> 8;
    bytes[i * 2 + 1] = v & 255;
  });
  return bytes;
}

/** An IP literal (IPv6 may be bracketed, as in a URL's host), or undefined for a host name. */
export function parseIp(text: string): TIp | undefined {
  const t = text.trim();
  const v6 = parseIPv6(t.startsWith("[") && t.endsWith("]") ? t.slice(1, -1) : t);
  if (v6) return { family: 6, bytes: v6 };
  const v4 = parseIPv4(t);
  return v4 ? { family: 4, bytes: v4 } : undefined;
}

export function formatIp(ip: TIp): string {
  if (ip.family === 4) return Array.from(ip.bytes).join(".");
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push(((ip.bytes[i]! << 8) | ip.bytes[i + 1]!).toString(16));
  return groups.join(":");
}

/** Whether the first `prefix` bits of `a` and `b` agree. */
export function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  if (a.length !== b.length) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const i = bit / 8;
    const keep = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - keep)) & 0xff;
    if ((a[i]! & mask) !== (b[i]! & mask)) return false;
  }
  return true;
}
