import { z } from "zod";
import {
  deleteChannelProvider,
  listChannelProviderRows,
  upsertChannelProvider,
} from "@/db/queries/channel-providers";
import {
  getPath,
  mergeConfigUpdate,
  openConfig,
  redactConfig,
  sealConfig,
  type TSealedConfig,
} from "@/lib/channels/secret-box";
import { db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit-log";
import {
  changedDestinations,
  DESTINATION_FIELDS,
  secretsNotEntered,
} from "@/lib/channels/destination-change";
import { SECRET_FIELDS } from "@/lib/channels/provider-config";
import { env } from "@/lib/env";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { zodFields } from "@/lib/validation/zod-fields";
import { channelSecretsKey, channelSecretsKeys } from "./resolve-channel-provider";

/** Providers an admin configures; the outbox and the in-app inbox are built in. */
export const CONFIGURABLE_PROVIDERS = [
  "smtp",
  "twilio",
  "fcm",
  "apns",
  "webhook",
  "ses",
  "aws_sms",
] as const;
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

/** Where a config sends its requests, for the audit log (destinations only, never secrets). */
function destinationOf(config: Record<string, unknown>, fields: string[]) {
  return Object.fromEntries(
    fields.map((f) => [
      f,
      f
        .split(".")
        .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], config),
    ]),
  );
}

/**
 * Saves a provider's settings from the form: blank secrets keep the stored ones, unless the
 * destination (host, base URL, token URI, webhook URL) changed, which needs every secret typed
 * again. The result is validated (400 naming the field) and sealed before it touches the
 * database, and the change is written to the audit log in the same transaction.
 */
export async function saveChannelProvider(
  workspaceId: string,
  userId: string,
  kind: TConfigurableProvider,
  incoming: unknown,
  opts: { allowAwsDefaultChain?: boolean } = {},
) {
  const key = channelSecretsKey();
  const keys = channelSecretsKeys();
  const row = (await listChannelProviderRows(workspaceId)).find((r) => r.kind === kind);
  const stored = row ? openConfig(row.config as TSealedConfig, keys) : null;
  let merged;
  try {
    merged = mergeConfigUpdate(stored, { ...(incoming as object), kind });
  } catch (err) {
    if (err instanceof z.ZodError) throw new ValidationError(zodFields(err));
    throw err;
  }
  if (
    (merged.kind === "ses" || merged.kind === "aws_sms") &&
    merged.credentials === "default_chain" &&
    !(opts.allowAwsDefaultChain ?? env.WAYMARK_AWS_DEFAULT_CREDENTIALS)
  )
    throw new ValidationError({
      credentials:
        "This server does not lend its own AWS credentials to workspaces: enter an access key (the operator can allow it with WAYMARK_AWS_DEFAULT_CREDENTIALS)",
    });
  const moved = stored ? changedDestinations(stored, merged) : [];
  if (moved.length) {
    // A provider on the AWS default credential chain stores no secret to type again.
    const missing = secretsNotEntered(kind, incoming).filter((path) =>
      getPath(merged as Record<string, unknown>, path),
    );
    if (missing.length)
      throw new ValidationError(
        Object.fromEntries(
          missing.map((path) => [
            path,
            `Enter it again: ${moved.join(" and ")} changed, and a stored secret never follows a new destination`,
          ]),
        ),
      );
  }
  const notEntered = stored ? secretsNotEntered(kind, incoming) : [];
  const shown = stored ? moved : [...DESTINATION_FIELDS[kind]];
  await db().transaction(async (tx) => {
    await upsertChannelProvider(
      { workspaceId, kind, config: sealConfig(merged, key), updatedBy: userId },
      tx,
    );
    await insertAuditEntry(
      {
        workspaceId,
        actorId: userId,
        action: stored ? "channel_provider.updated" : "channel_provider.created",
        target: kind,
        detail: {
          destinationChanged: moved,
          ...(moved.length
            ? { from: destinationOf(stored as Record<string, unknown>, moved) }
            : {}),
          to: destinationOf(merged as Record<string, unknown>, shown),
          secretsEntered: SECRET_FIELDS[kind].filter((path) => !notEntered.includes(path)),
        },
      },
      tx,
    );
  });
  return redactConfig(merged);
}

export async function removeChannelProvider(
  workspaceId: string,
  kind: TConfigurableProvider,
  userId: string | null = null,
) {
  await db().transaction(async (tx) => {
    if (!(await deleteChannelProvider(workspaceId, kind, tx)))
      throw new NotFoundError("This provider is not configured");
    await insertAuditEntry(
      {
        workspaceId,
        actorId: userId,
        action: "channel_provider.removed",
        target: kind,
        detail: {},
      },
      tx,
    );
  });
}
