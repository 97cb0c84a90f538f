import {
  countSuppressions,
  insertFeedbackOnce,
  upsertSuppression,
} from "@/db/queries/suppressions";

const DAY = 86_400_000;

/**
 * A few suppressed addresses, as bounce and complaint feedback would have left them, so
 * Settings → Suppression shows the list working. None is a demo contact's address, so the demo's
 * journeys and campaigns send as before.
 */
export async function seedDemoSuppressions(workspaceId: string, now = new Date()) {
  if (await countSuppressions(workspaceId)) return;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const entries = [
    {
      channel: "email" as const,
      address: "former.customer@example.com",
      reason: "hard_bounce",
      source: "ses",
      detail: { status: "5.1.1", diagnostic: "smtp; 550 5.1.1 user unknown" },
      createdAt: ago(12),
    },
    {
      channel: "email" as const,
      address: "not.interested@example.net",
      reason: "complaint",
      source: "sendgrid",
      detail: { complaintFeedbackType: "abuse" },
      createdAt: ago(6),
    },
    {
      channel: "email" as const,
      address: "full.mailbox@example.org",
      reason: "soft_bounce",
      source: "postmark",
      detail: { softBounces: 3, windowDays: 7, diagnostic: "452 4.2.2 Mailbox full" },
      createdAt: ago(1),
      expiresAt: new Date(now.getTime() + 6 * DAY),
    },
    {
      channel: "sms" as const,
      address: "+33612345678",
      reason: "blocked",
      source: "sms_events",
      detail: { eventType: "TEXT_BLOCKED", diagnostic: "Blocked as spam by carrier" },
      createdAt: ago(3),
    },
    {
      channel: "email" as const,
      address: "qa-seed@acme.example",
      reason: "manual",
      source: "manual",
      createdAt: ago(20),
    },
  ];
  for (const e of entries) {
    await upsertSuppression(workspaceId, e);
    // Bounces also count in the dashboard's rates; the complaint stays out of them, so the demo
    // does not open with a complaint-rate warning.
    if (e.source === "manual" || e.reason === "complaint") continue;
    await insertFeedbackOnce({
      workspaceId,
      source: e.source,
      eventId: `demo-${e.address}`,
      type: e.reason,
      channel: e.channel,
      address: e.address,
      provider: "outbox",
      occurredAt: e.createdAt,
      detail: e.detail,
    });
  }
}
