import { returnTokens, takeTokens } from "@/db/queries/rate-buckets";
import { deliveringConfig } from "@/lib/channels/create-provider";
import type { TProviderConfig } from "@/lib/channels/provider-config";
import type { TSendChannel } from "@/lib/channels/types";
import { msUntilNextUtcDay, utcDay, warmUpCap } from "@/lib/channels/warm-up-cap";
import { loadProviderConfigs, type TLoadedProviderConfigs } from "./resolve-channel-provider";

/**
 * The send-rate and warm-up limits of the provider that delivers a channel, kept in the same
 * Postgres token buckets as campaigns' (db/queries/rate-buckets.ts), so every process sending
 * through one provider account shares them: campaign batches and single sends (journeys,
 * transactional, API) draw from one bucket.
 */
export type TProviderLimits = {
  workspaceId: string;
  kind: TProviderConfig["kind"];
  messagesPerSecond?: number;
  warmUp?: Extract<TProviderConfig, { kind: "smtp" | "ses" }>["warmUp"];
};

export const providerBucketKey = (workspaceId: string, kind: string) =>
  `provider:${workspaceId}:${kind}`;
/** One bucket per UTC day: the next day's starts full, so the cap resets without a job. */
export const warmUpBucketKey = (workspaceId: string, kind: string, at: Date) =>
  `warmup:${workspaceId}:${kind}:${utcDay(at)}`;

/** The kinds with a send-rate setting (and, for email, a warm-up plan). */
const RATED = new Set<TProviderConfig["kind"]>(["smtp", "ses", "twilio", "aws_sms"]);

export async function providerLimitsFor(
  workspaceId: string,
  channel: TSendChannel,
  /** Already read (the caller resolved the provider from them). */
  loaded?: TLoadedProviderConfigs,
): Promise<TProviderLimits | null> {
  const { configs } = loaded ?? (await loadProviderConfigs(workspaceId));
  const config = deliveringConfig(channel, configs);
  if (!config || !RATED.has(config.kind)) return null;
  const c = config as Extract<TProviderConfig, { kind: "smtp" | "ses" | "twilio" | "aws_sms" }>;
  return {
    workspaceId,
    kind: c.kind,
    messagesPerSecond: c.messagesPerSecond,
    warmUp: c.kind === "smtp" || c.kind === "ses" ? c.warmUp : undefined,
  };
}

export type TAllowance = {
  granted: number;
  /** When nothing was granted: how long until something may be. */
  waitMs: number;
  /** The warm-up plan capped this take: send the most engaged contacts first. */
  warming: boolean;
  /** Gives back what was granted but not sent (fewer deliveries were left to claim). */
  giveBack(n: number): Promise<void>;
};

const NONE = async () => undefined;

/**
 * Up to `want` sends through the provider now: its per-second bucket, then (campaigns only) the
 * warm-up plan's daily cap. A warm-up day that is used up waits for the next UTC day.
 */
export async function takeProviderAllowance(
  limits: TProviderLimits | null,
  want: number,
  at: Date,
  opts: { warmUp: boolean },
): Promise<TAllowance> {
  if (!limits) return { granted: want, waitMs: 0, warming: false, giveBack: NONE };
  const rateKey = providerBucketKey(limits.workspaceId, limits.kind);
  const rate = limits.messagesPerSecond;
  let granted = want;
  if (rate) {
    const took = await takeTokens(rateKey, want, rate, Math.max(rate, 1));
    if (!took.granted) return { granted: 0, waitMs: took.waitMs, warming: false, giveBack: NONE };
    granted = took.granted;
  }
  const giveBackRate = (n: number) => (rate ? returnTokens(rateKey, n) : Promise.resolve());
  const cap = opts.warmUp ? warmUpCap(limits.warmUp, rate, at) : null;
  if (cap === null) return { granted, waitMs: 0, warming: false, giveBack: giveBackRate };
  const dayKey = warmUpBucketKey(limits.workspaceId, limits.kind, at);
  // Rate 0: the day's bucket never refills; tomorrow is another bucket.
  const day = await takeTokens(dayKey, granted, 0, cap);
  await giveBackRate(granted - day.granted);
  if (!day.granted)
    return { granted: 0, waitMs: msUntilNextUtcDay(at), warming: true, giveBack: NONE };
  return {
    granted: day.granted,
    waitMs: 0,
    warming: true,
    giveBack: async (n) => {
      await giveBackRate(n);
      await returnTokens(dayKey, n);
    },
  };
}

/** The failure a single send over its provider's rate settles with: queued again for a retry. */
export const overRate = (waitMs: number) =>
  ({
    ok: false,
    retryable: true,
    reason: "the provider's send rate is reached; tried again shortly",
    code: "provider_rate",
    retryAfterSeconds: Math.ceil(waitMs / 1000),
  }) as const;

/** A single send may wait this long for its provider's bucket; longer, it is retried later. */
export const MAX_INLINE_WAIT_MS = 2_000;

/**
 * One token for a single send (journey step, transactional, API). Waits briefly in line when the
 * bucket is nearly due; otherwise says how long, and the caller's retry comes back then.
 */
export async function takeSingleSend(
  workspaceId: string,
  channel: TSendChannel,
  /** Already read (a batch of single sends reads them once). */
  known?: TProviderLimits | null,
): Promise<{ ok: true } | { ok: false; waitMs: number }> {
  const limits = known === undefined ? await providerLimitsFor(workspaceId, channel) : known;
  if (!limits?.messagesPerSecond) return { ok: true };
  const key = providerBucketKey(workspaceId, limits.kind);
  const rate = limits.messagesPerSecond;
  let waited = 0;
  for (;;) {
    const took = await takeTokens(key, 1, rate, Math.max(rate, 1));
    if (took.granted) return { ok: true };
    if (waited + took.waitMs > MAX_INLINE_WAIT_MS) return { ok: false, waitMs: took.waitMs };
    waited += took.waitMs;
    await new Promise((r) => setTimeout(r, took.waitMs));
  }
}
