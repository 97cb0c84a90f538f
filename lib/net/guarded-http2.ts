import { connect, type ClientHttp2Session } from "node:http2";
import { outboundPolicy } from "./default-policy";
import { resolveDestination, type TOutboundPolicy } from "./outbound-policy";
import { pinnedLookup } from "./pinned-lookup";

/**
 * An HTTP/2 session (APNs) through the outbound policy: `origin`'s host is resolved and checked
 * once, and the session's socket connects to that address for its whole life.
 */
export async function guardedHttp2Connect(
  origin: string,
  policy: TOutboundPolicy = outboundPolicy(),
): Promise<ClientHttp2Session> {
  const url = new URL(origin);
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const addresses = await resolveDestination(policy, url.hostname, port);
  return connect(url.origin, { lookup: pinnedLookup(addresses) });
}
