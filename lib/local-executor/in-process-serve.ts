// The app's serve handler (app/api/inngest/route.ts), called in this process instead of over
// loopback HTTP when the executor and the route live in one process (local mode). It is still
// Inngest's protocol: the same signed request body goes in, the same response comes out; only
// the socket, the HTTP parsing and a copy of every body are saved.

export type TServeHandler = (req: Request) => Promise<Response>;

// Route modules and instrumentation are separate module graphs in one Next.js process.
const KEY = Symbol.for("waymark.local-executor.serve-handler");
type Holder = { [KEY]?: TServeHandler };

/** Called by the route module when it loads: from then on the executor calls it directly. */
export function registerServeHandler(handler: TServeHandler): void {
  (globalThis as Holder)[KEY] = handler;
}

/** The registered handler, or null before the route was first loaded (the executor then uses HTTP). */
export function registeredServeHandler(): TServeHandler | null {
  return (globalThis as Holder)[KEY] ?? null;
}
