import { combinePushResults } from "./combine-push-results";
import type { ChannelProvider, TPushMessage, TPushTarget, TSendResult } from "./types";

/**
 * Push to every device of a contact: iOS tokens through APNs, Android and web tokens through FCM,
 * each only when configured. Delivered when at least one device got it.
 */
export function createPushProvider(providers: {
  fcm?: ChannelProvider<TPushMessage>;
  apns?: ChannelProvider<TPushMessage>;
}): ChannelProvider<TPushMessage> {
  const { fcm, apns } = providers;
  return {
    kind: "push",
    async send(message) {
      const groups: {
        provider: ChannelProvider<TPushMessage> | undefined;
        name: string;
        targets: TPushTarget[];
      }[] = [
        {
          provider: apns,
          name: "APNs",
          targets: message.targets.filter((t) => t.platform === "ios"),
        },
        {
          provider: fcm,
          name: "FCM",
          targets: message.targets.filter((t) => t.platform !== "ios"),
        },
      ];
      const results: TSendResult[] = await Promise.all(
        groups
          .filter((g) => g.targets.length > 0)
          .map((g) =>
            g.provider
              ? g.provider.send({ ...message, targets: g.targets })
              : ({
                  ok: false,
                  retryable: false,
                  reason: `${g.name} is not configured for ${g.targets[0]!.platform} devices`,
                  code: "not_configured",
                } as const),
          ),
      );
      return combinePushResults(results);
    },
    async close() {
      await Promise.all([fcm?.close?.(), apns?.close?.()]);
    },
  };
}
