import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { executeRows } from "@/db/execute-rows";
import { messages, templates, workspaces } from "@/db/schema";

/** A template's id by its name (names are unique in a workspace). */
export async function findTemplateIdByName(workspaceId: string, name: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ id: templates.id })
    .from(templates)
    .where(and(eq(templates.workspaceId, workspaceId), eq(templates.name, name)));
  return row?.id ?? null;
}

/**
 * A transactional request's template by id or name, with the version it asks for (or the published
 * one) and the workspace's name and zone, in one round trip. `version` is null when the template
 * exists but has no such published version (or was never published); null overall when there is
 * no such template.
 */
export async function findTemplateForSend(
  workspaceId: string,
  ref: { id?: string; name?: string; version?: number },
  ex: Executor = db(),
) {
  const [row] = await executeRows<{
    template_id: string;
    workspace_name: string;
    workspace_timezone: string;
    version: number | null;
    channel: string | null;
    content: unknown;
  }>(
    sql`select t.id as template_id, w.name as workspace_name, w.timezone as workspace_timezone,
        v.version, t.channel::text as channel, v.content
      from templates t
      join workspaces w on w.id = t.workspace_id
      left join template_versions v on v.template_id = t.id
        and v.version = ${ref.version === undefined ? sql`t.published_version` : sql`${ref.version}::int`}
      where t.workspace_id = ${workspaceId}
        and ${ref.id ? sql`t.id = ${ref.id}::uuid` : sql`t.name = ${ref.name ?? ""}`}
      limit 1`,
    ex,
  );
  if (!row) return null;
  return {
    templateId: row.template_id,
    workspaceName: row.workspace_name,
    workspaceTimezone: row.workspace_timezone,
    version:
      row.version === null
        ? null
        : { version: row.version, channel: row.channel!, content: row.content },
  };
}

/** The workspace's name and time zone (where `date` formats for a contact without one). */
export async function findWorkspaceName(workspaceId: string, ex: Executor = db()) {
  const [row] = await ex
    .select({ name: workspaces.name, timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row ?? null;
}

/** Messages already made under these idempotency keys (a retried request). */
export async function findMessagesByKeys(workspaceId: string, keys: string[], ex: Executor = db()) {
  if (!keys.length) return [];
  return ex
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), inArray(messages.idempotencyKey, keys)));
}

/**
 * Transactional messages per channel over a range of days in `timeZone`, straight from the
 * messages table (its partial index on transactional rows keeps this small): the dashboards'
 * "Transactional" table. Counts like the rollups: sent includes delivered; engagement by first time.
 */
export async function transactionalByChannel(
  workspaceId: string,
  range: { from: string; to: string },
  timeZone: string,
  channel: string | null,
  ex: Executor = db(),
) {
  return executeRows<{
    channel: string;
    sent: number;
    delivered: number;
    opened: number;
    clicked: number;
    bounced: number;
    failed: number;
    unsubscribed: number;
  }>(
    sql`select channel::text as channel,
        count(*) filter (where status in ('sent', 'delivered', 'bounced'))::int as sent,
        count(*) filter (where delivered_at is not null)::int as delivered,
        count(*) filter (where opened_at is not null)::int as opened,
        count(*) filter (where clicked_at is not null)::int as clicked,
        count(*) filter (where status = 'bounced')::int as bounced,
        count(*) filter (where status = 'failed')::int as failed,
        count(*) filter (where unsubscribed_at is not null)::int as unsubscribed
      from messages
      where workspace_id = ${workspaceId} and transactional
        and created_at >= (${range.from}::date)::timestamp at time zone ${timeZone}
        and created_at < (${range.to}::date + 1)::timestamp at time zone ${timeZone}
        ${channel ? sql`and channel = ${channel}::message_channel` : sql``}
      group by channel order by channel`,
    ex,
  );
}
