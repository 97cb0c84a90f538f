import { sql } from "drizzle-orm";
import { db } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { createSegment } from "@/lib/segments/save-segment";
import type { TSegmentDefinition } from "@/lib/segments/definition";
import {
  createTemplate,
  publishTemplate,
  saveTemplateDraft,
} from "@/lib/templates/manage-templates";
import type { TTemplateContent } from "@/lib/templates/template-content";

export const emailContent = (subject: string): TTemplateContent => ({
  channel: "email",
  subject,
  preheader: "",
  theme: {
    brandColor: "#2563eb",
    backgroundColor: "#f3f4f6",
    fontFamily: "system",
    contentWidth: 600,
  },
  blocks: [
    {
      id: "h",
      type: "heading",
      level: 1,
      text: 'Hi {{ contact.firstName | default: "there" }}',
      align: "left",
    },
    { id: "f", type: "footer", text: "Acme Inc.", unsubscribeText: "Unsubscribe" },
  ],
});

export async function publishedEmail(ws: string, userId: string, name: string, subject: string) {
  const t = await createTemplate(ws, userId, { name, channel: "email" });
  await saveTemplateDraft(ws, t.id, { content: emailContent(subject) });
  await publishTemplate(ws, t.id, userId);
  return t;
}

export const PRO_SEGMENT = {
  kind: "group",
  match: "all",
  conditions: [{ kind: "attribute", key: "plan", type: "string", op: "equals", value: "pro" }],
} as unknown as TSegmentDefinition;

/**
 * `n` contacts numbered 1..n (attribute `n`), made in one statement. By number: n%10 < 8 are on
 * the pro plan; n%20 = 0 have no email; n%25 = 1 opted out of email; n%30 = 2 bounced before;
 * n%40 = 3 were sent a journey's message an hour ago (it counts toward the global daily cap); n%7 = 0 live in Tokyo, the rest in UTC.
 */
export async function seedAudience(ws: string, n: number) {
  await db()
    .execute(sql`insert into contacts (workspace_id, external_id, email, timezone, attributes)
    select ${ws}, 'u' || g, case when g % 20 = 0 then null else 'c' || g || '@example.com' end,
      case when g % 7 = 0 then 'Asia/Tokyo' else 'UTC' end,
      jsonb_build_object('n', g, 'firstName', 'C' || g, 'plan', case when g % 10 < 8 then 'pro' else 'free' end)
    from generate_series(1, ${n}) g`);
  await db()
    .execute(sql`insert into channel_subscriptions (workspace_id, contact_id, channel, status, source)
    select ${ws}, id, 'email', 'unsubscribed', 'api' from contacts
    where workspace_id = ${ws} and (attributes->>'n')::int % 25 = 1`);
  await db()
    .execute(sql`insert into messages (workspace_id, contact_id, idempotency_key, channel, origin, status, sent_at)
    select ${ws}, id, 'old-' || id, 'email', '{"kind":"journey","journeyId":"00000000-0000-4000-8000-000000000001"}', case when (attributes->>'n')::int % 30 = 2 then 'bounced'::message_status else 'sent'::message_status end, now() - interval '1 hour'
    from contacts where workspace_id = ${ws} and ((attributes->>'n')::int % 30 = 2 or (attributes->>'n')::int % 40 = 3)`);
  // The bounced ones are on the suppression list, as the bounce feedback would have put them.
  await db().execute(sql`insert into suppressions (workspace_id, channel, address, reason, source)
    select ${ws}, 'email', lower(email), 'hard_bounce', 'ses' from contacts
    where workspace_id = ${ws} and email is not null and (attributes->>'n')::int % 30 = 2`);
}

/** What the send path should decide for contact number `n` (holdout aside), in its order. */
export function expectedOutcome(n: number, opts: { cap?: boolean; quietTokyo?: boolean }) {
  if (n % 25 === 1) return "opted_out";
  if (n % 20 === 0) return "no_address";
  if (n % 30 === 2) return "suppressed";
  if (opts.cap && n % 40 === 3) return "frequency_cap";
  if (opts.quietTokyo && n % 7 === 0) return "quiet_hours";
  return "sent";
}

export async function makeCampaignTenant(name: string, contacts: number) {
  const tenant = await makeTenant(name);
  const ws = tenant.workspace.id;
  const [a, b] = [
    await publishedEmail(ws, tenant.user.id, "Subject A", "Spring sale, {{ contact.firstName }}"),
    await publishedEmail(ws, tenant.user.id, "Subject B", "Last days of spring"),
  ];
  const segment = await createSegment(ws, tenant.user.id, {
    name: "Pro",
    description: "",
    type: "dynamic",
    definition: PRO_SEGMENT,
  });
  await seedAudience(ws, contacts);
  return { tenant, ws, userId: tenant.user.id, templates: [a!, b!], segment };
}

/** Each delivery with its contact's number, for checks against `expectedOutcome`. */
export async function deliveriesOf(runId: string) {
  return executeRows<{
    n: number;
    status: string;
    treatment: number | null;
    message_id: string | null;
  }>(sql`select (c.attributes->>'n')::int as n, d.status, d.treatment, d.message_id
    from campaign_deliveries d join contacts c on c.id = d.contact_id where d.run_id = ${runId}`);
}
