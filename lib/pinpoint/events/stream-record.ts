import { createHash } from "node:crypto";
import { z } from "zod";
import type { TOperation } from "@/lib/ingest/normalize";
import { eventOperation } from "@/lib/pinpoint/pinpoint-endpoint-mapping";
import {
  ZEndpointRequest,
  type TEndpointRequest,
  type TEvent,
} from "@/lib/pinpoint/pinpoint-schemas";
import { zodFields } from "@/lib/validation/zod-fields";
import { engagementEventOf } from "./engagement-names";

/**
 * One line of a Pinpoint event stream (Kinesis Data Streams or Firehose;
 * docs/pinpoint-event-history.md) as the ingestion operation of the endpoint's contact. Only what
 * the mapping needs is read, and leniently: the stream's shape grew over the years
 * (`event_version` 3.0, 3.1), and unknown fields are ignored, not refused.
 */
const ZMillis = z.union([
  z.number(),
  z
    .string()
    .regex(/^\d{10,16}$/)
    .transform(Number),
]);
const ZRecord = z.object({
  event_type: z.string({ error: "is required" }).min(1).max(200),
  event_timestamp: ZMillis.optional(),
  arrival_timestamp: ZMillis.optional(),
  event_id: z.string().min(1).max(200).optional(),
  client: z.object({ client_id: z.string().min(1).max(200).optional() }).optional(),
  endpoint: z.record(z.string(), z.unknown()).optional(),
  client_context: z
    .object({ custom: z.object({ endpoint: z.string().optional() }).optional() })
    .optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  metrics: z.record(z.string(), z.unknown()).optional(),
  session: z
    .object({
      session_id: z.string().optional(),
      start_timestamp: ZMillis.optional(),
      stop_timestamp: ZMillis.optional(),
    })
    .optional(),
  application: z
    .object({
      title: z.string().optional(),
      package_name: z.string().optional(),
      version_name: z.string().optional(),
      sdk: z.object({ name: z.string().optional(), version: z.string().optional() }).optional(),
    })
    .optional(),
});

const ENDPOINT_FIELDS = Object.keys(ZEndpointRequest.shape) as (keyof TEndpointRequest)[];
const iso = (ms: number | undefined) =>
  ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString();

/** The endpoint the record carries (an object, or `client_context.custom.endpoint` as a JSON string). */
function endpointOf(r: z.infer<typeof ZRecord>): { id?: string; endpoint?: TEndpointRequest } {
  let raw: Record<string, unknown> | undefined = r.endpoint;
  if (!raw && r.client_context?.custom?.endpoint) {
    try {
      const parsed: unknown = JSON.parse(r.client_context.custom.endpoint);
      if (parsed && typeof parsed === "object") raw = parsed as Record<string, unknown>;
    } catch {
      raw = undefined;
    }
  }
  if (!raw) return {};
  const id = typeof raw.Id === "string" ? raw.Id : undefined;
  const picked = Object.fromEntries(
    ENDPOINT_FIELDS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]),
  );
  const parsed = ZEndpointRequest.safeParse(picked);
  if (parsed.success) return { id, endpoint: parsed.data };
  // An endpoint Waymark would refuse still names its user: the event belongs to them.
  const user = raw.User as { UserId?: unknown } | undefined;
  return typeof user?.UserId === "string"
    ? { id, endpoint: { User: { UserId: user.UserId } } }
    : { id };
}

export type TStreamRecord =
  | { ok: true; endpointId: string; endpoint?: TEndpointRequest; op: TOperation }
  | { ok: false; message: string };

/**
 * `event_id` (when the record has one) is the idempotency key; otherwise a hash of the line, so
 * the same file imported twice, or a record Firehose delivered twice, is stored once.
 */
export function parseStreamRecord(line: string, now: Date): TStreamRecord {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, message: "is not JSON" };
  }
  if (!json || typeof json !== "object" || Array.isArray(json))
    return { ok: false, message: "is not an event record" };
  const parsed = ZRecord.safeParse(json);
  if (!parsed.success) {
    const [field, message] = Object.entries(zodFields(parsed.error))[0] ?? ["", "is not valid"];
    return { ok: false, message: `${field}: ${message}` };
  }
  const r = parsed.data;
  const carried = endpointOf(r);
  const endpointId = r.client?.client_id ?? carried.id;
  if (!endpointId) return { ok: false, message: "client.client_id: is required" };
  // Without an endpoint in the record, the contact is found by the endpoint id (an anonymous id
  // of the contact the endpoint import or the API made), as ingestion resolves any anonymous id.
  const endpoint = carried.endpoint;
  const timestamp = iso(r.event_timestamp ?? r.arrival_timestamp);
  if (!timestamp) return { ok: false, message: "event_timestamp: is required" };

  const attributes = Object.fromEntries(
    Object.entries(r.attributes ?? {}).map(([k, v]) => [
      k,
      (typeof v === "string" ? v : JSON.stringify(v)).slice(0, 2000),
    ]),
  );
  const metrics = Object.fromEntries(
    Object.entries(r.metrics ?? {}).flatMap(([k, v]) =>
      typeof v === "number" && Number.isFinite(v) ? [[k, v]] : [],
    ),
  );
  const start = iso(r.session?.start_timestamp);
  const event: TEvent = {
    EventType: r.event_type,
    Timestamp: timestamp,
    Attributes: attributes,
    Metrics: metrics,
    ...(r.session?.session_id && start
      ? {
          Session: {
            Id: r.session.session_id,
            StartTimestamp: start,
            ...(iso(r.session.stop_timestamp)
              ? { StopTimestamp: iso(r.session.stop_timestamp) }
              : {}),
          },
        }
      : {}),
    ...(r.application?.title ? { AppTitle: r.application.title } : {}),
    ...(r.application?.package_name ? { AppPackageName: r.application.package_name } : {}),
    ...(r.application?.version_name ? { AppVersionCode: r.application.version_name } : {}),
    ...(r.application?.sdk?.name ? { SdkName: r.application.sdk.name } : {}),
    ...(r.application?.sdk?.version ? { ClientSdkVersion: r.application.sdk.version } : {}),
  };
  const eventId =
    r.event_id ?? `pinpoint-stream-${createHash("sha256").update(line).digest("hex").slice(0, 40)}`;
  const op = eventOperation(endpointId, eventId, event, endpoint, now);
  if (!op.ok) return { ok: false, message: `${op.field}: ${op.message}` };
  const engagement = engagementEventOf(r.event_type, attributes);
  if (engagement && op.value.kind === "event") {
    op.value.name = engagement.name;
    Object.assign(op.value.properties, engagement.properties);
  }
  return { ok: true, endpointId, endpoint, op: op.value };
}
