import type { TMessage } from "@/db/schema";

/** Pinpoint's `DeliveryStatus` vocabulary, so code written against SendMessages maps one to one. */
export const DELIVERY_STATUSES = [
  "SUCCESSFUL",
  "THROTTLED",
  "TEMPORARY_FAILURE",
  "PERMANENT_FAILURE",
  "OPT_OUT",
  "DUPLICATE",
] as const;
export type TDeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A refusal the pipeline records as `skipped`: an opt-out, or anything else it cannot send. */
export const skippedStatus = (reason: string | null): TDeliveryStatus =>
  reason?.startsWith("opted out") ? "OPT_OUT" : "PERMANENT_FAILURE";

/**
 * A message row's state in that vocabulary: handed to the provider (or on its way) is
 * `SUCCESSFUL`; back in `queued` after a retryable provider failure is `TEMPORARY_FAILURE` (or
 * `THROTTLED` when the provider said slow down); the request's retry with the same key tries it
 * again.
 */
export function deliveryStatusOf(m: Pick<TMessage, "status" | "reason">): TDeliveryStatus {
  switch (m.status) {
    case "sending":
    case "sent":
    case "delivered":
      return "SUCCESSFUL";
    case "queued":
      return m.reason && /\b(429|rate|throttl)/i.test(m.reason) ? "THROTTLED" : "TEMPORARY_FAILURE";
    case "skipped":
      return skippedStatus(m.reason);
    case "failed":
    case "bounced":
      return "PERMANENT_FAILURE";
  }
}
