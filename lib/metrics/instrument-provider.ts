import type { ChannelProvider, TOutgoingMessage } from "@/lib/channels/types";
import { recordProviderOutcome } from "@/lib/health/provider-health";
import { inSpan } from "@/lib/tracing/in-span";
import { metrics } from "./registry";

/**
 * The same provider, measured: latency, outcome per send, and the failing-provider state readiness
 * reads. A bad address (a failure no retry fixes) says nothing about the provider's health.
 */
export function instrumentProvider<M extends TOutgoingMessage>(
  channel: string,
  provider: ChannelProvider<M>,
): ChannelProvider<M> {
  const labels = { channel, provider: provider.kind };
  return {
    kind: provider.kind,
    close: provider.close?.bind(provider),
    send: (message) =>
      inSpan(
        "waymark.provider.send",
        { "waymark.channel": channel, "waymark.provider": provider.kind },
        async () => {
          const m = metrics();
          const stop = m.providerLatency.startTimer(labels);
          try {
            const result = await provider.send(message);
            stop();
            m.deliveries.inc({ ...labels, status: result.ok ? result.status : "failed" });
            if (!result.ok)
              m.providerErrors.inc({ ...labels, retryable: String(result.retryable) });
            if (result.ok || result.retryable)
              recordProviderOutcome(channel, provider.kind, result.ok);
            return result;
          } catch (err) {
            stop();
            m.deliveries.inc({ ...labels, status: "error" });
            m.providerErrors.inc({ ...labels, retryable: "true" });
            recordProviderOutcome(channel, provider.kind, false);
            throw err;
          }
        },
      ),
  };
}
