import {
  claimDeliveries,
  dropUnsent,
  nextNotBefore,
  runSendState,
} from "@/db/queries/campaign-deliveries";
import { findRunById } from "@/db/queries/campaign-runs";
import { returnTokens, takeTokens } from "@/db/queries/rate-buckets";
import { providerLimitsFor, takeProviderAllowance } from "@/lib/messages/send/provider-rate";
import { CAMPAIGN_LIMIT_DEFAULTS, ZCampaignLimits } from "../campaign-settings";
import { finishRunIfDone } from "./finish-run";
import { loadRunContext, type TRunContext } from "./run-context";
import { sendCampaignBatch, type TBatchResult } from "./send-campaign-batch";

/** Deliveries claimed and sent together: one round of queries and one settlement transaction. */
export const BATCH_SIZE = 500;

export type TSlice = { runId: string; from: string; to: string | null };
export type TDrainResult =
  | { kind: "sent"; counts: TBatchResult; claimed: number }
  /** The campaign's bucket is empty, or the slice's next local send time is ahead: come back after `waitMs`. */
  | { kind: "wait"; waitMs: number }
  /** Nothing left to claim in this slice. */
  | { kind: "done" }
  /** The run is paused, cancelled or finished: this worker stops. */
  | { kind: "stopped"; status: string };

export const campaignBucketKey = (campaignId: string) => `campaign:${campaignId}`;

/**
 * One batch of one slice of a run: checks the run may still send, takes tokens from the
 * campaign's bucket, claims that many queued deliveries (`FOR UPDATE SKIP LOCKED`) and sends them.
 * Safe to call again after a crash at any point: claims go stale and are taken over, and the
 * message idempotency key stops a second send.
 */
export async function drainSlice(
  slice: TSlice,
  opts: { batchSize?: number; context?: TRunContext; now?: () => Date } = {},
): Promise<TDrainResult> {
  const now = opts.now ?? (() => new Date());
  const state = await runSendState(slice.runId);
  if (!state || state.status !== "sending")
    return { kind: "stopped", status: state?.status ?? "gone" };
  if (state.expiresAt && state.expiresAt <= now()) {
    await dropUnsent(slice.runId, "expired");
    await finishRunIfDone(slice.runId);
    return { kind: "stopped", status: "expired" };
  }
  const run = await findRunById(slice.runId);
  if (!run) return { kind: "stopped", status: "gone" };
  const limits = ZCampaignLimits.parse(run.limits);
  const rate = limits.messagesPerSecond ?? CAMPAIGN_LIMIT_DEFAULTS.messagesPerSecond;
  const want = opts.batchSize ?? BATCH_SIZE;
  const bucket = campaignBucketKey(run.campaignId);
  const { granted, waitMs } = await takeTokens(bucket, want, rate, Math.max(rate, 1));
  if (!granted) return { kind: "wait", waitMs };
  // The provider account's own rate and warm-up cap, shared with every other campaign and send.
  const allowance = await takeProviderAllowance(
    await providerLimitsFor(run.workspaceId, run.channel),
    granted,
    now(),
    { warmUp: true },
  );
  if (allowance.granted < granted) await returnTokens(bucket, granted - allowance.granted);
  if (!allowance.granted) return { kind: "wait", waitMs: allowance.waitMs };
  const claimed = await claimDeliveries(slice.runId, slice, allowance.granted, now(), {
    mostEngagedFirst: allowance.warming,
  });
  await returnTokens(bucket, allowance.granted - claimed.length);
  await allowance.giveBack(allowance.granted - claimed.length);
  if (!claimed.length) {
    // A local-time run: the rest of the slice is waiting for its contacts' own send time.
    const due = await nextNotBefore(slice.runId, slice);
    if (due) return { kind: "wait", waitMs: Math.max(due.getTime() - now().getTime(), 0) };
    // The slice is empty; if the whole run is, whoever notices first completes it.
    await finishRunIfDone(slice.runId);
    return { kind: "done" };
  }
  const context = opts.context ?? (await loadRunContext(run));
  const counts = await sendCampaignBatch(context, claimed, now());
  // Skipped contacts and retries to come never reached the provider: its rate and warm-up day
  // count what it was handed and settled (sent, or refused for good).
  await allowance.giveBack(claimed.length - (counts.sent ?? 0) - (counts.failed ?? 0));
  return { kind: "sent", counts, claimed: claimed.length };
}
