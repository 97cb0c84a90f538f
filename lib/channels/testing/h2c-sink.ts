import { createServer, type ServerHttp2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import {
  createScript,
  flattenHeaders,
  recordRequest,
  type THttpSink,
  type THttpSinkOptions,
} from "./http-sink";
import { waitUntil } from "./wait-until";

/**
 * The HTTP sink over plaintext HTTP/2 (h2c) on 127.0.0.1, for the APNs provider, which speaks
 * HTTP/2 only. Same API as `startHttpSink`; point the provider's baseUrl at `sink.url`
 * (`http://…`, so it connects without TLS).
 */
export async function startH2cSink(
  options: THttpSinkOptions = {},
): Promise<THttpSink & { sessions: () => number }> {
  const requests: THttpSink["requests"] = [];
  const answered: THttpSink["answered"] = [];
  const script = createScript(options.respond);
  let sessionCount = 0;
  const server = createServer();
  server.on("session", () => sessionCount++);
  server.on("request", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const recorded = recordRequest(
        req.method,
        req.url,
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
      if (answer.reset) return void res.stream.close(2); // RST_STREAM INTERNAL_ERROR
      if (res.stream.destroyed) return;
      answered.push({ request: recorded, status: answer.status });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const open = new Set<ServerHttp2Session>();
  server.on("session", (s) => {
    open.add(s);
    s.on("close", () => open.delete(s));
  });
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    answered,
    /** How many HTTP/2 connections clients opened (APNs wants one kept open). */
    sessions: () => sessionCount,
    respondNext: (...r) => void script.push(...r),
    setResponder: (r) => void script.set(r),
    waitFor: (predicate = () => true, timeoutMs = 10_000) =>
      waitUntil(() => requests.find(predicate), timeoutMs, "h2c sink: no matching request"),
    reset() {
      requests.length = 0;
      answered.length = 0;
      script.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
