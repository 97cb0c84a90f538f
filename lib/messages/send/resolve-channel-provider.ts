import { listChannelProviderRows } from "@/db/queries/channel-providers";
import { createChannelProvider } from "@/lib/channels/create-provider";
import type { TProviderConfig } from "@/lib/channels/provider-config";
import { openConfig, type TSealedConfig } from "@/lib/channels/secret-box";
import type { ChannelProvider, TSendChannel } from "@/lib/channels/types";
import { appKeyRing } from "@/lib/crypto/app-secret";
import { instrumentProvider } from "@/lib/metrics/instrument-provider";

/** Seals channel secrets: the current AUTH_SECRET's key. */
export const channelSecretsKey = () => appKeyRing("channel-secrets").current;
/** Opens them: the current and any previous AUTH_SECRET's keys (a rotation under way). */
export const channelSecretsKeys = () => appKeyRing("channel-secrets").all;

type TEntry = { stamp: string; provider: ChannelProvider | null };
const KEY = Symbol.for("waymark.channel-providers");
// Providers hold sockets (SMTP pools, HTTP/2 sessions): one per workspace and channel, rebuilt only when its settings change.
const cache: Map<string, TEntry> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map<
  string,
  TEntry
>()) as Map<string, TEntry>;

export type TLoadedProviderConfigs = { configs: TProviderConfig[]; stamp: string };

/** The workspace's opened provider configs. A channel nobody configured delivers to the outbox. */
export async function loadProviderConfigs(workspaceId: string): Promise<TLoadedProviderConfigs> {
  const rows = await listChannelProviderRows(workspaceId);
  const keys = channelSecretsKeys();
  const configs = rows.map((r) => openConfig(r.config as TSealedConfig, keys));
  if (!configs.some((c) => c.kind === "outbox")) configs.push({ kind: "outbox" });
  return {
    configs,
    stamp: rows
      .map((r) => `${r.kind}@${r.updatedAt.toISOString()}`)
      .sort()
      .join(","),
  };
}

/**
 * The workspace's provider for a channel. The `transactional` lane gets instances of its own (its
 * own SMTP pool, HTTP/2 session and sockets), so a password reset never waits for a connection a
 * running campaign holds.
 */
export async function resolveChannelProvider(
  workspaceId: string,
  channel: TSendChannel,
  lane: "bulk" | "transactional" = "bulk",
  /** Already read (the caller needs them for the send rate too). */
  loaded?: TLoadedProviderConfigs,
): Promise<ChannelProvider | null> {
  const { configs, stamp } = loaded ?? (await loadProviderConfigs(workspaceId));
  const cacheKey = `${workspaceId}:${channel}${lane === "bulk" ? "" : `:${lane}`}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.stamp === stamp) return hit.provider;
  const created = createChannelProvider(channel, configs);
  // Measured (latency, outcomes, failing state for readiness): lib/metrics/instrument-provider.ts.
  const provider = created && instrumentProvider(channel, created);
  cache.set(cacheKey, { stamp, provider });
  // In-flight sends on the old provider finish first: nodemailer's pool closes once idle.
  if (hit?.provider?.close) void hit.provider.close().catch(() => undefined);
  return provider;
}
