import { constants, type ClientHttp2Session, type IncomingHttpHeaders } from "node:http2";
import { guardedHttp2Connect } from "@/lib/net/guarded-http2";
import type { TOutboundPolicy } from "@/lib/net/outbound-policy";
import { isOutboundRefused, refusedReason } from "@/lib/net/outbound-refused";
import type { TFailure } from "./http-outcome";

export type TH2Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * APNs' one long-lived HTTP/2 connection, to the address the outbound policy checked (pinned for
 * its life): concurrent sends share one connection attempt, a dead session is replaced on next
 * use, and `post` answers with the response or a classified failure (refused, unreachable, slow).
 */
export function apnsConnection(origin: string, timeoutMs: number, policy?: TOutboundPolicy) {
  let session: ClientHttp2Session | undefined;
  let opening: Promise<ClientHttp2Session> | undefined;
  async function openSession(): Promise<ClientHttp2Session> {
    if (session && !session.closed && !session.destroyed) return session;
    opening ??= guardedHttp2Connect(origin, policy)
      .then((s) => {
        s.on("error", () => {}); // surfaced on the request; a dead session is replaced on next use
        s.on("close", () => session === s && (session = undefined));
        s.on("goaway", () => session === s && (session = undefined));
        session = s;
        return s;
      })
      .finally(() => (opening = undefined));
    return opening;
  }

  /** POSTs a notification to one device token. */
  async function post(
    token: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<TH2Answer | TFailure> {
    let opened: ClientHttp2Session;
    try {
      opened = await openSession();
    } catch (err) {
      if (isOutboundRefused(err))
        return {
          ok: false,
          retryable: false,
          reason: refusedReason("APNs"),
          code: "destination_not_allowed",
        };
      const code = (err as { code?: string }).code ?? "network";
      return { ok: false, retryable: true, reason: `APNs could not be reached (${code})`, code };
    }
    return request(opened, `/3/device/${encodeURIComponent(token)}`, headers, body, timeoutMs);
  }

  async function close() {
    const s = session;
    session = undefined;
    if (s && !s.closed) await new Promise<void>((r) => s.close(() => r()));
  }
  return { post, close };
}

/** One request on an open session: its status, headers and body, or why it failed. */
function request(
  opened: ClientHttp2Session,
  path: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<TH2Answer | TFailure> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: TH2Answer | TFailure) => {
      if (done) return;
      done = true;
      resolve(v);
    };
    let req;
    try {
      req = opened.request({
        ":method": "POST",
        ":path": path,
        ...headers,
      });
    } catch (err) {
      return finish({
        ok: false,
        retryable: true,
        reason: `APNs could not be reached (${(err as Error).message})`,
        code: "network",
      });
    }
    let status = 0;
    let responseHeaders: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    req.setTimeout(timeoutMs, () => {
      req.close(constants.NGHTTP2_CANCEL);
      finish({
        ok: false,
        retryable: true,
        reason: "APNs did not answer in time",
        code: "timeout",
      });
    });
    req.on("response", (h) => {
      status = Number(h[":status"]);
      responseHeaders = h;
    });
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () =>
      finish({ status, headers: responseHeaders, body: Buffer.concat(chunks).toString("utf8") }),
    );
    req.on("error", (err: Error & { code?: string }) =>
      finish({
        ok: false,
        retryable: true,
        reason: `APNs could not be reached (${err.code ?? err.message})`,
        code: err.code ?? "network",
      }),
    );
    req.end(body);
  });
}
