import type { ChannelProvider, TInAppMessage } from "./types";

/** In-app messages: the stored message row is the inbox entry the customer's app reads, so there is nothing to send. */
export function createInAppProvider(): ChannelProvider<TInAppMessage> {
  return { kind: "in_app", send: async () => ({ ok: true, status: "delivered" }) };
}
