import { lookup as dnsLookup } from "node:dns/promises";
import { isAllowListed, type TAllowList } from "./allow-list";
import { classifyIp } from "./classify-address";
import { formatIp, parseIp, type TIp } from "./ip-address";
import { OutboundRefusedError } from "./outbound-refused";

export type TResolved = { address: string; family: 4 | 6 };

/**
 * Where outbound connections may go. `allow` comes from WAYMARK_OUTBOUND_ALLOW; `resolve` is the
 * system resolver, replaceable in tests to act out DNS answers (including rebinding ones).
 */
export type TOutboundPolicy = {
  allow: TAllowList;
  resolve?: (host: string) => Promise<TResolved[]>;
};

async function systemResolve(host: string): Promise<TResolved[]> {
  const found = await dnsLookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

function check(policy: TOutboundPolicy, host: string, port: number, ip: TIp): void {
  const kind = classifyIp(ip);
  if (kind === "public" || isAllowListed(policy.allow, { host, port, ip })) return;
  throw new OutboundRefusedError(host, `${host}:${port} is ${formatIp(ip)} (${kind})`);
}

/** Strips URL brackets; a URL's hostname for IPv6 is `[::1]`. */
export function bareHost(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * The addresses to connect to for `host:port`, every one of them checked. A name that resolves to
 * any refused address is refused as a whole: a mixed answer is how rebinding attacks start. The
 * caller must connect to exactly these addresses (never resolve the name again), which is what
 * pins the checked address to the connection.
 */
export async function resolveDestination(
  policy: TOutboundPolicy,
  rawHost: string,
  port: number,
): Promise<TResolved[]> {
  const host = bareHost(rawHost);
  const literal = parseIp(host);
  if (literal) {
    check(policy, host, port, literal);
    return [{ address: formatIp(literal), family: literal.family }];
  }
  const found = await (policy.resolve ?? systemResolve)(host);
  if (found.length === 0)
    throw Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND" });
  for (const a of found) {
    const ip = parseIp(a.address);
    if (!ip) throw new OutboundRefusedError(host, `resolver answered a non-address: ${a.address}`);
    check(policy, host, port, ip);
  }
  return found;
}
