import http from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "@/lib/channels/webhook-provider";

/**
 * A loopback webhook receiver for the stream's tests: verifies every request's signature (a bad
 * one is answered 401 and counted), fails on purpose while `failing` says so (500), and records
 * each event it accepted, in arrival order, with every copy of a redelivered id.
 */
export type TStreamReceiver = {
  url: string;
  secret: string | null;
  /** Answer the next requests with 500 while this returns true (it sees the request's number). */
  failing: (n: number) => boolean;
  /** Called before answering; a test may kill a worker here (mid-batch). */
  onBatch: (events: Record<string, unknown>[], n: number) => void | Promise<void>;
  requests: number;
  badSignatures: number;
  received: Record<string, unknown>[];
  close: () => Promise<void>;
};

export async function startStreamReceiver(): Promise<TStreamReceiver> {
  const receiver = {
    url: "",
    secret: null as string | null,
    failing: () => false,
    onBatch: () => undefined,
    requests: 0,
    badSignatures: 0,
    received: [],
    close: async () => undefined,
  } as TStreamReceiver;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const n = ++receiver.requests;
        if (
          !receiver.secret ||
          !verifyWebhookSignature(
            body,
            req.headers[SIGNATURE_HEADER.toLowerCase()] as string,
            receiver.secret,
          )
        ) {
          receiver.badSignatures++;
          res.writeHead(401).end();
          return;
        }
        if (receiver.failing(n)) {
          res.writeHead(500).end("failing on purpose");
          return;
        }
        const events = (JSON.parse(body) as { events: Record<string, unknown>[] }).events;
        await receiver.onBatch(events, n);
        receiver.received.push(...events);
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
