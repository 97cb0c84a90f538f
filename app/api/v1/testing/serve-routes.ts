import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";

type THandler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response> | Response;
export type TServedRoute = {
  /** A path pattern whose named groups are the route's params, like Next's `[call]`. */
  path: RegExp;
  handlers: Partial<Record<"GET" | "POST" | "PUT" | "DELETE" | "OPTIONS", THandler>>;
};

/**
 * Serves route handlers over real HTTP on loopback, so SDKs (Segment's, RudderStack's, the AWS
 * SDK) talk to them unchanged: their own HTTP clients, compression, auth headers and retries.
 */
export async function serveRoutes(routes: TServedRoute[]): Promise<{
  base: string;
  requests: { method: string; path: string; status: number; encoding?: string }[];
  close: () => Promise<void>;
}> {
  const requests: { method: string; path: string; status: number; encoding?: string }[] = [];
  const server: Server = createServer((msg: IncomingMessage, res) => {
    void (async () => {
      const url = new URL(msg.url ?? "/", "http://127.0.0.1");
      let status = 404;
      let response: Response = new Response("not found", { status });
      for (const route of routes) {
        const m = route.path.exec(url.pathname);
        const handler = m && route.handlers[msg.method as keyof TServedRoute["handlers"]];
        if (!m || !handler) continue;
        const headers = new Headers();
        for (const [k, v] of Object.entries(msg.headers))
          if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
        const hasBody = msg.method !== "GET" && msg.method !== "HEAD";
        const req = new NextRequest(`http://${msg.headers.host ?? "127.0.0.1"}${msg.url}`, {
          method: msg.method,
          headers,
          body: hasBody ? (Readable.toWeb(msg) as ReadableStream<Uint8Array>) : undefined,
          duplex: "half",
        } as ConstructorParameters<typeof NextRequest>[1]);
        const params = Object.fromEntries(
          Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
        );
        response = await handler(req, { params: Promise.resolve(params as never) });
        break;
      }
      status = response.status;
      requests.push({
        method: msg.method ?? "",
        path: url.pathname,
        status,
        encoding: msg.headers["content-encoding"],
      });
      res.writeHead(status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((err: unknown) => {
      res.writeHead(599).end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // SDKs keep connections alive; close() alone would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
