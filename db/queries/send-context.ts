import { loadSendContacts, type TSendContact } from "./send-contacts";
import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { templates, templateVersions, workspaces } from "@/db/schema";

/**
 * Everything a send needs to know about the contact: profile, opt-ins, devices and accounts, in
 * one round trip (the batch loader's statement for one id; it was four queries).
 */
export async function loadSendContact(
  workspaceId: string,
  contactId: string,
  ex: Executor = db(),
): Promise<TSendContact | null> {
  return (await loadSendContacts(workspaceId, [contactId], ex)).get(contactId) ?? null;
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
