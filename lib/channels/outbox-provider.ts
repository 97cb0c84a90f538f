import type { ChannelProvider } from "./types";

/**
 * The development default for every channel: nothing leaves the machine. The message row the
 * pipeline stores is the outbox entry the UI lists, so sending is only acknowledging.
 */
export function createOutboxProvider(): ChannelProvider {
  return { kind: "outbox", send: async () => ({ ok: true, status: "delivered" }) };
}
