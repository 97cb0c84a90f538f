import { findContactAccounts } from "./accounts";
import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  channelSubscriptions,
  contacts,
  pushTokens,
  templates,
  templateVersions,
  workspaces,
} from "@/db/schema";

/** Everything a send needs to know about the contact: profile, opt-ins and devices. */
export async function loadSendContact(workspaceId: string, contactId: string, ex: Executor = db()) {
  const [contact] = await ex
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  if (!contact) return null;
  const scope = <T extends typeof channelSubscriptions | typeof pushTokens>(t: T) =>
    and(eq(t.workspaceId, workspaceId), eq(t.contactId, contactId));
  const [subscriptions, tokens, accounts] = await Promise.all([
    ex
      .select({
        channel: channelSubscriptions.channel,
        status: channelSubscriptions.status,
        source: channelSubscriptions.source,
        changedAt: channelSubscriptions.changedAt,
      })
      .from(channelSubscriptions)
      .where(scope(channelSubscriptions)),
    ex
      .select({
        token: pushTokens.token,
        platform: pushTokens.platform,
        lastSeenAt: pushTokens.lastSeenAt,
      })
      .from(pushTokens)
      .where(scope(pushTokens))
      .orderBy(desc(pushTokens.lastSeenAt)),
    findContactAccounts(workspaceId, contactId, ex),
  ]);
  return { contact, subscriptions, pushTokens: tokens, accounts };
}

/** A published version of a template (the latest when `version` is absent), with its workspace's name. */
export async function findPublishedTemplateVersion(
  workspaceId: string,
  templateId: string,
  version: number | undefined,
  ex: Executor = db(),
) {
  const [row] = await ex
    .select({
      templateId: templates.id,
      name: templates.name,
      channel: templates.channel,
      topicId: templates.topicId,
      version: templateVersions.version,
      content: templateVersions.content,
      workspaceName: workspaces.name,
      workspaceTimezone: workspaces.timezone,
    })
    .from(templates)
    .innerJoin(templateVersions, eq(templateVersions.templateId, templates.id))
    .innerJoin(workspaces, eq(workspaces.id, templates.workspaceId))
    .where(
      and(
        eq(templates.workspaceId, workspaceId),
        eq(templates.id, templateId),
        version === undefined
          ? eq(templateVersions.version, templates.publishedVersion)
          : eq(templateVersions.version, version),
      ),
    );
  return row ?? null;
}

export async function deletePushTokens(workspaceId: string, tokens: string[], ex: Executor = db()) {
  if (!tokens.length) return;
  await ex.execute(deletePushTokensSql(workspaceId, tokens));
}

/** `deletePushTokens`' statement: one for every token, alone or as a step of a larger one. */
export function deletePushTokensSql(workspaceId: string, tokens: string[]) {
  return sql`delete from push_tokens where workspace_id = ${workspaceId}
    and token = any(${sql.param(tokens)}::text[])`;
}
