import { timingSafeEqual } from "node:crypto";
import { currentUser } from "@/app/_server/auth";
import { errorJson } from "@/app/_server/http";
import { env } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { isOperator } from "@/lib/operators/is-operator";

export const dynamic = "force-dynamic";

function bearerMatches(header: string | null): boolean {
  const token = env.WAYMARK_METRICS_TOKEN;
  const given = header?.match(/^Bearer (.+)$/i)?.[1];
  if (!token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics (text exposition format). Scrapers send `Authorization: Bearer
 * $WAYMARK_METRICS_TOKEN`; an operator's browser session works too (lib/operators/is-operator.ts).
 */
export async function GET(req: Request) {
  if (!bearerMatches(req.headers.get("authorization"))) {
    const user = await currentUser();
    if (!user)
      return errorJson(
        401,
        "unauthenticated",
        "Send Authorization: Bearer <WAYMARK_METRICS_TOKEN>",
      );
    if (!(await isOperator(user)))
      return errorJson(403, "forbidden", "Only the instance's operators may read its metrics");
  }
  const { registry } = metrics();
  try {
    const body = await registry.metrics();
    return new Response(body, {
      headers: { "content-type": registry.contentType, "cache-control": "no-store" },
    });
  } catch (err) {
    log.error("metrics: collecting failed", { err });
    return errorJson(503, "unavailable", "Metrics could not be collected (is the database up?)");
  }
}
