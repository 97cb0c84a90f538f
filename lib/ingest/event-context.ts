import { ZPushToken } from "./schemas";

/**
 * The parts of a Segment `context` kept on each event, where people look for them: the client
 * (`ip`, `userAgent`, `locale`, `timezone`, `library`), the app and device (`app`, `os`, `device`
 * without its push token, which goes to the contact's devices), and where the visit came from
 * (`campaign`: the UTM parameters, `page`, `referrer`, `screen`). Anything else in `context` is
 * dropped: it is the sender's, and kept whole it would double the bytes of every event row.
 */
export type TEventContext = Record<string, unknown>;
export type TContextOptions = {
  /** Privacy setting: store no IP address at all (WAYMARK_INGEST_DROP_IP). */
  dropIp?: boolean;
  /**
   * The caller's address from the request (trusted proxies only), kept as `ip` when the SDK sent
   * none, as Segment's API does: server-side SDKs never send one.
   */
  requestIp?: string;
};

const OBJECT_KEYS = ["app", "os", "campaign", "page", "referrer", "screen", "library"] as const;
const STRING_KEYS = ["ip", "userAgent", "locale", "timezone"] as const;
const MAX_STRING = 1000;

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Keeps an object's scalar fields, each string capped, so a context cannot carry a payload. */
function scalars(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o).slice(0, 30)) {
    if (typeof v === "string") out[k] = v.slice(0, MAX_STRING);
    else if (typeof v === "number" || typeof v === "boolean") out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

export function eventContext(
  context: unknown,
  opts: TContextOptions = {},
): TEventContext | undefined {
  const ctx = obj(context) ?? {};
  const out: TEventContext = {};
  if (!opts.dropIp && opts.requestIp && !(typeof ctx.ip === "string" && ctx.ip.trim()))
    out.ip = opts.requestIp;
  for (const key of STRING_KEYS) {
    if (key === "ip" && opts.dropIp) continue;
    const v = ctx[key];
    if (typeof v === "string" && v.trim()) out[key] = v.trim().slice(0, MAX_STRING);
  }
  for (const key of OBJECT_KEYS) {
    const v = obj(ctx[key]);
    const kept = v && scalars(v);
    if (kept) out[key] = kept;
  }
  const device = obj(ctx.device);
  if (device) {
    const { token: _token, ...rest } = device;
    const kept = scalars(rest);
    if (kept) out.device = kept;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * `context.device.token` with `device.type`: the push token a mobile SDK sends with every call.
 * An iOS token is for APNs, an Android one for FCM; anything else is taken as a web push token.
 */
export function contextPushToken(
  context: unknown,
): { token: string; platform: "ios" | "android" | "web" } | undefined {
  const device = obj(obj(context)?.device);
  if (!device || typeof device.token !== "string" || !device.token.trim()) return undefined;
  const type = typeof device.type === "string" ? device.type.toLowerCase() : "";
  const platform = type === "ios" ? "ios" : type === "android" ? "android" : "web";
  const t = ZPushToken.safeParse({ token: device.token.trim(), platform });
  return t.success ? t.data : undefined;
}
