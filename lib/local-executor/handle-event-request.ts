import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { TEventInput, TIngestResult } from "./ingest-events";
import { ZEventInput } from "./ingest-events";
import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/read-body";

// Inngest's own event API takes at most 3 MB a request.
const MAX_EVENT_BODY_BYTES = 3 * 1024 * 1024;

const ZBatch = z.array(ZEventInput).max(5000);

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * Inngest's event API (`POST /e/<event key>`) for the local executor: what `inngest.send()` posts.
 * Answers `{ ids, status }` as the SDK expects; a wrong key gets 401 like Inngest's.
 */
export async function handleEventRequest(
  req: Request,
  key: string,
  opts: { eventKey: string; send: (events: TEventInput[]) => Promise<TIngestResult> },
): Promise<Response> {
  if (!sameKey(key, opts.eventKey)) return json(401, { error: "Event key not found", status: 401 });
  let raw: unknown;
  try {
    raw = JSON.parse(await readBodyText(req, { maxBytes: MAX_EVENT_BODY_BYTES }));
  } catch (err) {
    if (err instanceof AppError)
      return json(err.status, { error: err.message, status: err.status });
    return json(400, { error: "Body is not JSON", status: 400 });
  }
  const parsed = Array.isArray(raw) ? ZBatch.safeParse(raw) : ZEventInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(400, {
      error: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`,
      status: 400,
    });
  }
  const result = await opts.send(Array.isArray(parsed.data) ? parsed.data : [parsed.data]);
  return json(200, { ids: result.ids, status: 200 });
}
