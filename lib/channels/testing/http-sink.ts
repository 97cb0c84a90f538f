import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { waitUntil } from "./wait-until";

/**
 * An HTTP/1.1 server on 127.0.0.1 that records every request and answers from a script, for the
 * Twilio, FCM and webhook providers (and e2e runs that point them at it).
 *
 *   const sink = await startHttpSink();
 *   sink.respondNext({ status: 429, headers: { "retry-after": "7" } });
 *   // … provider with baseUrl sink.url …
 *   const req = await sink.waitFor((r) => r.path.endsWith("/Messages.json"));
 *   req.form().get("To");
 */

export type TRecordedRequest = {
  method: string;
  /** Path and query, e.g. `/v1/projects/p/messages:send`. */
  path: string;
  /** Lower-case names; repeated headers joined by `, `. */
  headers: Record<string, string>;
  body: string;
  receivedAt: Date;
  json<T = unknown>(): T;
  /** The body as `application/x-www-form-urlencoded`. */
  form(): URLSearchParams;
};

export type TSinkResponse = {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Wait this long before answering (to test client timeouts). */
  delayMs?: number;
  /** Drop the connection instead of answering (the client sees a reset). */
  reset?: boolean;
};

export type TSinkResponder = (req: TRecordedRequest) => TSinkResponse | Promise<TSinkResponse>;

export type THttpSinkOptions = {
  port?: number;
  host?: string;
  /** Answers requests no scripted response is queued for. Default: 200 `{}`. */
  respond?: TSinkResponder;
  onRequest?: (req: TRecordedRequest) => void;
};

export type THttpSink = {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  readonly requests: TRecordedRequest[];
  /**
   * The requests answered, with the status, in order: not those reset, nor those whose client had
   * given up (timed out) before the answer. What a real provider would have acted on.
   */
  readonly answered: { request: TRecordedRequest; status: number }[];
  /** Queues answers for the next requests, in order, before falling back to `respond`. */
  respondNext(...responses: (TSinkResponse | TSinkResponder)[]): void;
  /** Replaces the fallback responder. */
  setResponder(respond: TSinkResponder): void;
  waitFor(
    predicate?: (req: TRecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<TRecordedRequest>;
  reset(): void;
  close(): Promise<void>;
};

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined && !k.startsWith(":")) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

export function recordRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): TRecordedRequest {
  return {
    method,
    path,
    headers,
    body,
    receivedAt: new Date(),
    json: <T>() => JSON.parse(body) as T,
    form: () => new URLSearchParams(body),
  };
}

/** The scripted-response queue shared by the HTTP/1.1 and h2c sinks. */
export function createScript(fallback: TSinkResponder = () => ({ status: 200, body: {} })) {
  const queue: (TSinkResponse | TSinkResponder)[] = [];
  let respond = fallback;
  return {
    push: (...r: (TSinkResponse | TSinkResponder)[]) => queue.push(...r),
    set: (r: TSinkResponder) => (respond = r),
    clear: () => (queue.length = 0),
    async answer(req: TRecordedRequest): Promise<{
      status: number;
      headers: Record<string, string>;
      body: string;
      delayMs: number;
      reset: boolean;
    }> {
      const next = queue.shift() ?? respond;
      const r = typeof next === "function" ? await next(req) : next;
      const body =
        r.body === undefined ? "" : typeof r.body === "string" ? r.body : JSON.stringify(r.body);
      const type =
        typeof r.body === "string" || r.body === undefined ? "text/plain" : "application/json";
      return {
        status: r.status ?? 200,
        headers: { "content-type": type, ...r.headers },
        body,
        delayMs: r.delayMs ?? 0,
        reset: r.reset ?? false,
      };
    },
  };
}

export async function startHttpSink(options: THttpSinkOptions = {}): Promise<THttpSink> {
  const requests: TRecordedRequest[] = [];
  const answered: THttpSink["answered"][number][] = [];
  const script = createScript(options.respond);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const recorded = recordRequest(
        req.method ?? "GET",
        req.url ?? "/",
        flattenHeaders(req.headers),
        Buffer.concat(chunks).toString("utf8"),
      );
      requests.push(recorded);
      options.onRequest?.(recorded);
      const answer = await script.answer(recorded).catch((err: Error) => ({
        status: 500,
        headers: {},
        body: err.message,
        delayMs: 0,
        reset: false,
      }));
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      if (answer.reset) return void req.socket.destroy();
      if (res.destroyed || req.socket.destroyed) return;
      answered.push({ request: recorded, status: answer.status });
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    answered,
    respondNext: (...r) => void script.push(...r),
    setResponder: (r) => void script.set(r),
    waitFor: (predicate = () => true, timeoutMs = 10_000) =>
      waitUntil(() => requests.find(predicate), timeoutMs, "HTTP sink: no matching request"),
    reset() {
      requests.length = 0;
      answered.length = 0;
      script.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
