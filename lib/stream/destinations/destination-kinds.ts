import { z } from "zod";
import type { TStreamDestinationRow } from "@/db/queries/stream-destinations";
import { decryptSecret } from "@/lib/channels/secret-box";
import { channelSecretsKeys } from "@/lib/messages/send/resolve-channel-provider";
import type { StreamDestination } from "./destination";
import { ndjsonDestination, ZNdjsonDestinationSettings } from "./ndjson-destination";
import { webhookDestination, ZWebhookDestinationSettings } from "./webhook-destination";

/**
 * Every kind of destination, one entry each: its settings schema and how to open it from its
 * stored row. An S3- or Kinesis-compatible target is one more entry (its settings, a sealed
 * credential, a StreamDestination); the pipeline does not change.
 */
export const STREAM_DESTINATION_KINDS = ["webhook", "ndjson"] as const;
export const ZStreamDestinationKind = z.enum(STREAM_DESTINATION_KINDS);
export type TStreamDestinationKind = z.infer<typeof ZStreamDestinationKind>;

export const SETTINGS_SCHEMAS = {
  webhook: ZWebhookDestinationSettings,
  ndjson: ZNdjsonDestinationSettings,
} as const;

/** Where a destination's sealed secret is bound (the AAD): it cannot be moved to another row. */
export const secretPlace = (destinationId: string) => `stream:${destinationId}:secret`;

/** Events a batch holds at most (the webhook's setting; exports take large batches). */
export function batchSizeOf(row: Pick<TStreamDestinationRow, "kind" | "config">): number {
  if (row.kind === "webhook") return ZWebhookDestinationSettings.parse(row.config).batchSize;
  return 1000;
}

export function openStreamDestination(
  row: Pick<TStreamDestinationRow, "id" | "kind" | "config">,
  opts: { timeoutMs?: number } = {},
): StreamDestination {
  const kind = ZStreamDestinationKind.parse(row.kind);
  if (kind === "webhook") {
    const settings = ZWebhookDestinationSettings.parse(row.config);
    const secret = decryptSecret(
      String(row.config.secret ?? ""),
      channelSecretsKeys(),
      secretPlace(row.id),
    );
    return webhookDestination(settings, secret, opts.timeoutMs);
  }
  return ndjsonDestination(ZNdjsonDestinationSettings.parse(row.config));
}
