import { createServer, type AddressInfo } from "node:net";

/** A loopback port nothing listens on (it was free a moment ago), for "connection refused" tests. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
