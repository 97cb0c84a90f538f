import { env } from "@/lib/env";
import type { TOutboundPolicy } from "./outbound-policy";

/** The deployment's policy: public addresses, plus what WAYMARK_OUTBOUND_ALLOW lists. */
export function outboundPolicy(): TOutboundPolicy {
  return { allow: env.outboundAllow };
}
