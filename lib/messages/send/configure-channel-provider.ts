import { z } from "zod";
import {
  deleteChannelProvider,
  listChannelProviderRows,
  upsertChannelProvider,
} from "@/db/queries/channel-providers";
import {
  mergeConfigUpdate,
  openConfig,
  redactConfig,
  sealConfig,
  type TSealedConfig,
} from "@/lib/channels/secret-box";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { zodFields } from "@/lib/validation/zod-fields";
import { channelSecretsKey } from "./resolve-channel-provider";

/** Providers an admin configures; the outbox and the in-app inbox are built in. */
export const CONFIGURABLE_PROVIDERS = ["smtp", "twilio", "fcm", "apns", "webhook"] as const;
export const ZConfigurableProvider = z.enum(CONFIGURABLE_PROVIDERS);
export type TConfigurableProvider = z.infer<typeof ZConfigurableProvider>;

export function providerKindOrThrow(kind: string): TConfigurableProvider {
  const parsed = ZConfigurableProvider.safeParse(kind);
  if (!parsed.success) throw new NotFoundError(`No provider kind "${kind}"`);
  return parsed.data;
}

/** The workspace's providers as the browser may see them: secrets replaced by `{ set: true }`. */
export async function listRedactedProviders(workspaceId: string) {
  const rows = await listChannelProviderRows(workspaceId);
  return rows.map((r) => ({
    kind: r.kind,
    config: redactConfig(r.config as TSealedConfig),
    updatedAt: r.updatedAt,
  }));
}

/**
 * Saves a provider's settings from the form: blank secrets keep the stored ones, the result is
 * validated (400 naming the field) and sealed before it touches the database.
 */
export async function saveChannelProvider(
  workspaceId: string,
  userId: string,
  kind: TConfigurableProvider,
  incoming: unknown,
) {
  const key = channelSecretsKey();
  const row = (await listChannelProviderRows(workspaceId)).find((r) => r.kind === kind);
  const stored = row ? openConfig(row.config as TSealedConfig, key) : null;
  let merged;
  try {
    merged = mergeConfigUpdate(stored, { ...(incoming as object), kind });
  } catch (err) {
    if (err instanceof z.ZodError) throw new ValidationError(zodFields(err));
    throw err;
  }
  await upsertChannelProvider({
    workspaceId,
    kind,
    config: sealConfig(merged, key),
    updatedBy: userId,
  });
  return redactConfig(merged);
}

export async function removeChannelProvider(workspaceId: string, kind: TConfigurableProvider) {
  if (!(await deleteChannelProvider(workspaceId, kind)))
    throw new NotFoundError("This provider is not configured");
}
