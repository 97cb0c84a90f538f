import type { TSendResult } from "./types";

/**
 * One result for a push sent to several devices: delivered when at least one device got it;
 * otherwise retryable when any failure was, so a passing outage is retried. Dead tokens are
 * listed either way, so the pipeline can forget them.
 */
export function combinePushResults(results: readonly TSendResult[]): TSendResult {
  const invalid = [...new Set(results.flatMap((r) => r.invalidTokens ?? []))];
  const invalidTokens = invalid.length ? { invalidTokens: invalid } : {};
  const sent = results.find((r) => r.ok);
  if (sent)
    return {
      ok: true,
      status: "sent",
      providerMessageId: sent.providerMessageId,
      ...invalidTokens,
    };
  const failures = results.filter((r) => !r.ok);
  if (failures.length === 0)
    return {
      ok: false,
      retryable: false,
      reason: "The contact has no push device to send to",
      code: "no_targets",
    };
  const retryable = failures.filter((f) => f.retryable);
  const lead = retryable[0] ?? failures[0]!;
  const waits = retryable
    .map((f) => f.retryAfterSeconds)
    .filter((s): s is number => s !== undefined);
  const reason =
    failures.length > 1 ? `${lead.reason} (all ${failures.length} devices failed)` : lead.reason;
  return {
    ok: false,
    retryable: retryable.length > 0,
    reason,
    code: lead.code,
    ...(waits.length ? { retryAfterSeconds: Math.max(...waits) } : {}),
    ...invalidTokens,
  };
}
