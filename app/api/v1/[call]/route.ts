import { NextResponse } from "next/server";
import { errorJson } from "@/app/_server/http";
import { BROWSER_CORS, withApiKey } from "@/app/_server/with-api-key";
import { env } from "@/lib/env";
import { ingest } from "@/lib/ingest/ingest";
import { parseCall } from "@/lib/ingest/normalize";
import { parseBatch } from "@/lib/ingest/parse-batch";
import { forwardedClientIp } from "@/lib/rate-limit/client-ip";
import type { TCallType } from "@/lib/ingest/schemas";

// Segment's endpoint names, and the one-letter ones its browser library uses.
const CALLS: Record<string, TCallType | "batch"> = {
  identify: "identify",
  i: "identify",
  track: "track",
  t: "track",
  page: "page",
  p: "page",
  screen: "screen",
  s: "screen",
  alias: "alias",
  a: "alias",
  group: "group",
  g: "group",
  batch: "batch",
  b: "batch",
  import: "batch",
};
const MAX_CALL_BYTES = 64 * 1024;
const MAX_BATCH_BYTES = 1024 * 1024;
// Keys, not cookies, authenticate these routes, so any origin may call them (browser SDKs do);
// withApiKey's `browser` option puts the header on every answer and refuses secret keys from pages.
const CORS = BROWSER_CORS;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export const POST = withApiKey<{ call: string }>(
  "ingest",
  async (req, { params, apiKey, body }) => {
    const call = CALLS[params.call];
    if (!call)
      return errorJson(
        404,
        "not_found",
        `Unknown call ${params.call}; use identify, track, page, screen, alias, group or batch`,
      );
    if (call !== "batch" && Buffer.byteLength(body) > MAX_CALL_BYTES)
      return errorJson(413, "payload_too_large", "A single call is at most 64 KB; use /batch");
    const json = parseJson(body);
    if (!json.ok)
      return errorJson(400, "validation_error", "Body is not valid JSON", {
        body: "Body is not valid JSON",
      });
    const now = new Date();
    const contextOpts = {
      dropIp: env.WAYMARK_INGEST_DROP_IP,
      requestIp: forwardedClientIp(req.headers, env.WAYMARK_TRUSTED_PROXY_HOPS),
    };
    const publicKey = apiKey.kind === "public";

    if (call !== "batch") {
      const r = parseCall(call, json.value, now, contextOpts);
      if (!r.ok)
        return errorJson(400, "validation_error", `${r.field}: ${r.message}`, {
          [r.field]: r.message,
        });
      const [status] = await ingest(apiKey.workspace.id, [r.op], { publicKey });
      return NextResponse.json({ success: true, status }, { headers: CORS });
    }

    const parsed = parseBatch(json.value, now, contextOpts);
    if (!parsed.ok)
      return errorJson(400, "validation_error", `${parsed.field}: ${parsed.message}`, {
        [parsed.field]: parsed.message,
      });
    const valid = parsed.items.flatMap((r, index) => (r.ok ? [{ index, op: r.op }] : []));
    const statuses = await ingest(
      apiKey.workspace.id,
      valid.map((v) => v.op),
      { publicKey },
    );
    const byIndex = new Map(valid.map((v, i) => [v.index, statuses[i]!]));
    const results = parsed.items.map((r, index) =>
      r.ok
        ? { index, status: byIndex.get(index)! }
        : { index, status: "rejected" as const, field: r.field, message: r.message },
    );
    const count = (s: string) => results.filter((r) => r.status === s).length;
    const summary = {
      accepted: count("accepted"),
      duplicates: count("duplicate"),
      rejected: count("rejected"),
    };
    if (!valid.length) {
      // Nothing to store: answer like any other 400, with every call's reason alongside.
      const fields = Object.fromEntries(
        results.flatMap((r) => ("field" in r ? [[r.field, r.message]] : [])),
      );
      const error = { code: "validation_error", message: "No call in the batch is valid", fields };
      return NextResponse.json(
        { error, success: false, ...summary, results },
        { status: 400, headers: CORS },
      );
    }
    return NextResponse.json(
      { success: summary.rejected === 0, ...summary, results },
      { headers: CORS },
    );
  },
  { maxBodyBytes: MAX_BATCH_BYTES, browser: true },
);

/**
 * The preflight of a browser SDK's call. Segment's analytics-next sends its key as
 * `Authorization: Basic` and, on a retry, `X-Retry-Count`; both must be allowed, or every call
 * (or every retry) fails in the browser before it leaves. No credentials: a key authenticates.
 */
export function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers":
        "authorization, content-type, content-encoding, x-retry-count",
      "access-control-max-age": "86400",
    },
  });
}
