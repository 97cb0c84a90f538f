import { Readable } from "node:stream";
import { guardedFetch } from "./guarded-fetch";
import type { TOutboundPolicy } from "./outbound-policy";

/**
 * The AWS SDK v3's transport, replaced by the guarded client: every request an AWS client makes
 * (SES, End User Messaging) is checked against the outbound policy like any other provider's, so
 * an `endpoint` an admin typed cannot reach the metadata service or the private network unless
 * allow-listed (which is how the tests reach their loopback servers).
 *
 * The SDK hands over an already signed request (SigV4 over host, date and body) and expects the
 * smithy response shape back; only buffered bodies are supported, which is all the JSON APIs
 * Waymark calls use.
 */

/** The parts of smithy's HttpRequest the handler reads. */
type TSdkRequest = {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
};

type TSdkResponse = {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  /** A stream, as the SDK's own Node handler gives it (its JSON codec reads streams). */
  body: Readable;
};

export type TGuardedAwsHandlerOptions = {
  timeoutMs?: number;
  policy?: TOutboundPolicy;
};

function queryString(query: TSdkRequest["query"]): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === null) params.append(k, "");
    else for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  }
  const s = params.toString();
  // SigV4 signed the query with %20 for spaces; URLSearchParams writes `+`.
  return s ? `?${s.replace(/\+/g, "%20")}` : "";
}

function bodyBytes(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  // The SDK's JSON body is a Uint8Array subclass that also acts as a string: take the bytes as bytes.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error("guarded AWS handler: streaming request bodies are not supported");
}

export function guardedAwsRequestHandler(options: TGuardedAwsHandlerOptions = {}) {
  const config = { ...options };
  return {
    metadata: { handlerProtocol: "http/1.1" },
    async handle(
      request: TSdkRequest,
      handlerOptions: { abortSignal?: AbortSignal; requestTimeout?: number } = {},
    ): Promise<{ response: TSdkResponse }> {
      const host = request.hostname.includes(":") ? `[${request.hostname}]` : request.hostname;
      const url = `${request.protocol}//${host}${request.port ? `:${request.port}` : ""}${request.path}${queryString(request.query)}`;
      const response = await guardedFetch(url, {
        method: request.method,
        headers: request.headers,
        body: bodyBytes(request.body),
        // AWS APIs do not redirect; a redirect would be somebody else's answer.
        redirect: "manual",
        timeoutMs: handlerOptions.requestTimeout ?? config.timeoutMs,
        signal: handlerOptions.abortSignal,
        policy: config.policy,
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      return {
        response: {
          statusCode: response.status,
          reason: response.statusText,
          headers,
          body: Readable.from([Buffer.from(await response.arrayBuffer())]),
        },
      };
    },
    updateHttpClientConfig(key: keyof TGuardedAwsHandlerOptions, value: unknown) {
      (config as Record<string, unknown>)[key] = value;
    },
    httpHandlerConfigs: () => config,
    destroy() {
      // One connection per request (guardedFetch): nothing pooled to release.
    },
  };
}
