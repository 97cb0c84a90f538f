import { db } from "@/db";
import { listCampaigns } from "@/db/queries/campaigns";
import { listDeliveryGroups } from "@/db/queries/campaign-results";
import { insertEvents } from "@/db/queries/ingest";
import { listTemplates } from "@/db/queries/templates";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { createCampaign } from "@/lib/campaigns/save-campaign";
import { drainNow } from "./demo-campaign";

export const DEMO_AB_NAME = "Subject line test";
export const DEMO_EVENT_NAME = "Cart follow-up";

/** How often each group of the A/B demo "ordered" after it: A clearly lifts, B barely. */
const CONVERSION_EVERY: Record<string, number> = { "0": 3, "1": 6, holdout: 8 };

/**
 * An A/B campaign to everyone: two emails (50/50), a 10 % holdout and "Order Completed" as its
 * conversion, sent through the pipeline at seed time; then some contacts of each group "order",
 * so the run page shows per-treatment results and the uplift over the holdout.
 */
export async function seedDemoAbTest(workspaceId: string, adminId: string) {
  if ((await listCampaigns(workspaceId)).some((c) => c.name === DEMO_AB_NAME)) return;
  const templates = await listTemplates(workspaceId);
  const pick = (name: string) => templates.find((t) => t.name === name && t.publishedVersion > 0);
  const [a, b] = [pick("Pro upgrade email"), pick("Welcome email")];
  if (!a || !b) return;
  const campaign = await createCampaign(workspaceId, adminId, {
    name: DEMO_AB_NAME,
    audience: { kind: "everyone" },
    channel: "email",
    treatments: [
      { label: "Upgrade", templateId: a.id, templateVersion: a.publishedVersion, percent: 50 },
      { label: "Welcome", templateId: b.id, templateVersion: b.publishedVersion, percent: 50 },
    ],
    holdoutPercent: 10,
    schedule: { kind: "now" },
    conversion: { event: "Order Completed", windowDays: 7 },
  });
  const run = (await launchCampaign(workspaceId, campaign.id, adminId))!;
  await drainNow(run.id);
  const groups = await listDeliveryGroups(workspaceId, run.id);
  const at = new Date(Date.now() + 60_000);
  // Every Nth member of each group orders, counted within the group: the rates come out as
  // CONVERSION_EVERY says whichever way the audience fell into the groups.
  const seen = new Map<string, number>();
  const rows = groups.flatMap((g) => {
    const group = g.treatment === null ? "holdout" : String(g.treatment);
    const nth = (seen.get(group) ?? 0) + 1;
    seen.set(group, nth);
    return nth % CONVERSION_EVERY[group]! === 0
      ? [
          {
            contactId: g.contactId,
            name: "Order Completed",
            properties: { total: 40 + (nth % 5) * 10, demo: true },
            occurredAt: at,
            messageId: `demo-ab-order-${run.id}-${g.contactId}`,
          },
        ]
      : [];
  });
  await db().transaction((tx) => insertEvents(workspaceId, rows, tx));
}

/**
 * An event-triggered SMS: a contact who adds something worth 50 or more to their cart gets the
 * cart reminder, within 30 minutes. Launched at seed time, so it listens from the first start.
 */
export async function seedDemoEventCampaign(workspaceId: string, adminId: string) {
  if ((await listCampaigns(workspaceId)).some((c) => c.name === DEMO_EVENT_NAME)) return;
  const sms = (await listTemplates(workspaceId)).find(
    (t) => t.name === "Cart reminder SMS" && t.publishedVersion > 0,
  );
  if (!sms) return;
  const campaign = await createCampaign(workspaceId, adminId, {
    name: DEMO_EVENT_NAME,
    audience: { kind: "everyone" },
    channel: "sms",
    treatments: [
      { label: "A", templateId: sms.id, templateVersion: sms.publishedVersion, percent: 100 },
    ],
    schedule: {
      kind: "event",
      event: "Added to Cart",
      filters: [{ property: "price", type: "number", op: "gte", value: 50 }],
      maxDelayMinutes: 30,
    },
    limits: { quietHours: { start: "22:00", end: "08:00" } },
    conversion: { event: "Order Completed", windowDays: 3 },
  });
  await launchCampaign(workspaceId, campaign.id, adminId);
}
