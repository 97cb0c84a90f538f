import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that a test can cut: every open connection is reset and new
 * ones are refused (what the app sees when the server restarts or the network drops), until
 * restore() listens again on the same port.
 */
export async function startCuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => undefined);
          s.on("close", () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();

  return {
    get port() {
      return port;
    },
    /** Resets every connection and refuses new ones. */
    async cut() {
      const s = server!;
      server = null;
      await new Promise<void>((r) => {
        s.close(() => r());
        for (const sock of sockets) sock.resetAndDestroy();
      });
    },
    async restore() {
      if (!server) await listen();
    },
    async close() {
      if (server) await this.cut();
    },
  };
}
