import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type ClientOptions, type InngestFunction } from "inngest";
import { serve as serveNext } from "inngest/next";
import { serve } from "inngest/node";
import type { NextRequest } from "next/server";
import type { TServeHandler } from "../in-process-serve";
import { localCheckpointFetch } from "../checkpoint-fetch";

export const TEST_SIGNING_KEY = `signkey-test-${"5e".repeat(32)}`;
export const TEST_EVENT_KEY = "local-test-event-key";

/**
 * A real HTTP server on 127.0.0.1 serving test functions with the SDK's own Node handler, as the
 * app serves its functions at /api/inngest. `extra` handles any other path (the event API).
 * `handler` is the same functions behind the Next.js adapter the app's route uses, for calls in
 * process (in-process-serve.ts).
 */
export async function serveFunctions(
  define: (client: Inngest) => InngestFunction.Any[],
  extra?: (req: Request) => Promise<Response>,
  clientOptions: Partial<ClientOptions> = {},
): Promise<{
  serveUrl: string;
  origin: string;
  client: Inngest;
  handler: TServeHandler;
  close: () => Promise<void>;
}> {
  let origin = "";
  let handler: http.RequestListener = () => undefined;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/api/inngest") || !extra) return handler(req, res);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = new Request(`${origin}${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === "GET" ? undefined : Buffer.concat(chunks),
      });
      void extra(request).then(async (r) => {
        res.writeHead(r.status, Object.fromEntries(r.headers));
        res.end(Buffer.from(await r.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Cloud mode with a signing key: requests must carry a valid signature, as in the app's local mode.
  const client = new Inngest({
    id: "test-app",
    isDev: false,
    signingKey: TEST_SIGNING_KEY,
    eventKey: TEST_EVENT_KEY,
    baseUrl: `${origin}/local-inngest/`,
    // As the app's client in local mode: checkpoints answered in process (inngest/client-options.ts).
    fetch: localCheckpointFetch({ signingKey: TEST_SIGNING_KEY, origin }),
    ...clientOptions,
  });
  const functions = define(client);
  handler = serve({ client, functions });
  const { POST } = serveNext({ client, functions });
  return {
    serveUrl: `${origin}/api/inngest`,
    origin,
    client,
    handler: (req) => POST(req as NextRequest, undefined),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
