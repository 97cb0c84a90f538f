import http from "node:http";
import https from "node:https";
import type { TOutboundPolicy } from "./outbound-policy";
import { bareHost, resolveDestination } from "./outbound-policy";
import { OutboundRefusedError } from "./outbound-refused";
import { pinnedLookup } from "./pinned-lookup";
import { outboundPolicy } from "./default-policy";

/**
 * The one way lib/ makes an outbound HTTP request to an address a user configured (webhooks,
 * Twilio, FCM, Google OAuth). Like `fetch`, it returns a `Response`, but:
 * - every hop's host is resolved and checked against the outbound policy, and the connection is
 *   made to the checked address (no second DNS lookup, so no rebinding);
 * - redirects are followed by hand (at most `maxRedirects`), each one checked again;
 * - the whole exchange has a deadline and the body is read up to `maxBytes` (the rest is dropped:
 *   a provider's answer is small, and a huge one must not fill the process's memory).
 */
export type TGuardedInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams | Uint8Array;
  redirect?: "follow" | "manual";
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  policy?: TOutboundPolicy;
};

export const GUARDED_DEFAULTS = { timeoutMs: 15_000, maxBytes: 1024 * 1024, maxRedirects: 3 };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);

type TAnswer = {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
  truncated: boolean;
};

function timeoutError(): Error {
  return Object.assign(new Error("the destination did not answer in time"), {
    name: "TimeoutError",
  });
}

async function oneHop(
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: Buffer },
  policy: TOutboundPolicy,
  maxBytes: number,
  signal: AbortSignal,
): Promise<TAnswer> {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new OutboundRefusedError(url.protocol, `scheme ${url.protocol} is not http(s)`);
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const addresses = await resolveDestination(policy, url.hostname, port);
  signal.throwIfAborted();
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<TAnswer>((resolve, reject) => {
    const req = transport.request(
      {
        protocol: url.protocol,
        host: bareHost(url.hostname),
        port,
        path: `${url.pathname}${url.search}`,
        method: init.method,
        headers: {
          ...init.headers,
          ...(init.body ? { "content-length": String(init.body.length) } : {}),
        },
        lookup: pinnedLookup(addresses),
        // A fresh connection per request: a pooled socket could outlive the check that made it.
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const finish = () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined) continue;
            for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
          }
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? "",
            headers,
            body: Buffer.concat(chunks),
            truncated,
          });
        };
        res.on("data", (c: Buffer) => {
          if (truncated) return;
          if (size + c.length > maxBytes) {
            chunks.push(c.subarray(0, maxBytes - size));
            truncated = true;
            res.destroy();
            finish();
            return;
          }
          size += c.length;
          chunks.push(c);
        });
        res.on("end", finish);
        res.on("error", (err) => (truncated ? undefined : reject(err)));
      },
    );
    req.on("error", (err) => reject(signal.aborted && signal.reason ? signal.reason : err));
    req.end(init.body);
  });
}

function toResponse(a: TAnswer, url: string): Response {
  const body = NULL_BODY.has(a.status) ? null : (a.body as Uint8Array<ArrayBuffer>);
  const response = new Response(body, {
    status: a.status,
    statusText: a.statusText,
    headers: a.headers,
  });
  Object.defineProperty(response, "url", { value: url });
  return response;
}

/** Network failures come out as `fetch` shapes them (TypeError with a `cause`); refusals as they are. */
function asFetchError(err: unknown): unknown {
  const e = err as Error;
  if (
    err instanceof OutboundRefusedError ||
    e?.name === "TimeoutError" ||
    e?.name === "AbortError" ||
    (err instanceof TypeError && e.message === "fetch failed")
  )
    return err;
  return new TypeError("fetch failed", { cause: err });
}

export async function guardedFetch(
  input: string | URL,
  init: TGuardedInit = {},
): Promise<Response> {
  const policy = init.policy ?? outboundPolicy();
  const maxBytes = init.maxBytes ?? GUARDED_DEFAULTS.maxBytes;
  const maxRedirects = init.maxRedirects ?? GUARDED_DEFAULTS.maxRedirects;
  const deadline = AbortSignal.timeout(init.timeoutMs ?? GUARDED_DEFAULTS.timeoutMs);
  const signal = init.signal ? AbortSignal.any([deadline, init.signal]) : deadline;
  let url = new URL(input);
  let method = (init.method ?? "GET").toUpperCase();
  let headers: Record<string, string> = Object.fromEntries(
    Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  let body: Buffer | undefined =
    init.body === undefined
      ? undefined
      : Buffer.from(init.body instanceof URLSearchParams ? init.body.toString() : init.body);
  if (init.body instanceof URLSearchParams)
    headers["content-type"] ??= "application/x-www-form-urlencoded;charset=UTF-8";
  try {
    for (let hop = 0; ; hop++) {
      const answer = await oneHop(url, { method, headers, body }, policy, maxBytes, signal);
      const location = answer.headers.get("location");
      if (init.redirect === "manual" || !REDIRECTS.has(answer.status) || !location)
        return toResponse(answer, url.href);
      if (hop >= maxRedirects)
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error(`more than ${maxRedirects} redirects`), {
            code: "ETOOMANYREDIRECTS",
          }),
        });
      const next = new URL(location, url);
      if (
        answer.status === 303 ||
        ((answer.status === 301 || answer.status === 302) && method === "POST")
      ) {
        method = "GET";
        body = undefined;
        delete headers["content-type"];
      }
      // Credentials go to the origin they were meant for, never to where it redirects.
      if (next.origin !== url.origin) {
        const { authorization: _a, cookie: _c, ...rest } = headers;
        headers = rest;
      }
      url = next;
    }
  } catch (err) {
    if (deadline.aborted) throw timeoutError();
    throw asFetchError(err);
  }
}
