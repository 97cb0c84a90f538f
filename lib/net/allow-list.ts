import { formatIp, parseIp, samePrefix, type TIp } from "./ip-address";

/**
 * WAYMARK_OUTBOUND_ALLOW: the destinations a self-hoster trusts although they are private, e.g.
 * `127.0.0.1,::1,10.0.0.0/8,mail.internal:25,[fd00::5]:8080`. An address or range allows whatever
 * resolves into it; a host name allows that name whatever it resolves to; `:port` narrows either.
 */
export type TAllowEntry =
  | { kind: "range"; ip: TIp; bits: number; port?: number }
  | { kind: "host"; host: string; port?: number };

export type TAllowList = readonly TAllowEntry[];

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** One entry, or an error message naming what is wrong with it. */
export function parseAllowEntry(raw: string): TAllowEntry | { error: string } {
  const text = raw.trim().toLowerCase();
  let target = text;
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    target = bracketed[1]!;
    if (bracketed[2] !== undefined) {
      port = parsePort(bracketed[2]);
      if (port === undefined) return { error: `"${raw}": bad port` };
    }
  } else if (/^[^:]+:\d+$/.test(text)) {
    // host:port or v4:port (a bare IPv6 has several colons and no brackets).
    const at = text.lastIndexOf(":");
    target = text.slice(0, at);
    port = parsePort(text.slice(at + 1));
    if (port === undefined) return { error: `"${raw}": bad port` };
  }
  const slash = target.indexOf("/");
  const ipText = slash >= 0 ? target.slice(0, slash) : target;
  // Only strict dotted-quad IPv4 here: `10` or `0x0a` in an allow-list is a typo, not a range.
  const ip =
    /^\d+\.\d+\.\d+\.\d+$/.test(ipText) || ipText.includes(":") ? parseIp(ipText) : undefined;
  if (ip) {
    const max = ip.family === 4 ? 32 : 128;
    const prefixText = slash >= 0 ? target.slice(slash + 1) : String(max);
    const bits = Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText) || bits > max)
      return { error: `"${raw}": bad prefix length` };
    return { kind: "range", ip, bits, port };
  }
  if (slash < 0 && HOST_NAME.test(target)) return { kind: "host", host: target, port };
  return { error: `"${raw}": not an IP address, CIDR range or host name` };
}

export function parseAllowList(text: string | undefined): TAllowList | { errors: string[] } {
  const raw = (text ?? "")
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const entries: TAllowEntry[] = [];
  const errors: string[] = [];
  for (const r of raw) {
    const e = parseAllowEntry(r);
    if ("error" in e) errors.push(e.error);
    else entries.push(e);
  }
  return errors.length ? { errors } : entries;
}

/** Whether `host` (as written in the URL or settings), on `port`, resolved to `ip`, is allow-listed. */
export function isAllowListed(
  list: TAllowList,
  target: { host: string; port: number; ip: TIp },
): boolean {
  const host = target.host.toLowerCase().replace(/\.$/, "");
  return list.some((e) => {
    if (e.port !== undefined && e.port !== target.port) return false;
    if (e.kind === "host") return e.host === host;
    return e.ip.family === target.ip.family && samePrefix(target.ip.bytes, e.ip.bytes, e.bits);
  });
}

export function describeAllowEntry(e: TAllowEntry): string {
  const base = e.kind === "host" ? e.host : `${formatIp(e.ip)}/${e.bits}`;
  return e.port === undefined ? base : `${base}:${e.port}`;
}
