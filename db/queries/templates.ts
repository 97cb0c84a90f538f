import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { templates, templateVersions, users, type TTemplate } from "@/db/schema";

export async function listTemplates(workspaceId: string, ex: Executor = db()) {
  return ex
    .select({
      id: templates.id,
      name: templates.name,
      channel: templates.channel,
      publishedVersion: templates.publishedVersion,
      updatedAt: templates.updatedAt,
      // The draft differs from what is live: the list shows "unpublished changes".
      changed: sql<boolean>`${templates.publishedVersion} = 0 or ${templates.draft} is distinct from (select v.content from template_versions v where v.template_id = ${templates.id} and v.version = ${templates.publishedVersion})`,
    })
    .from(templates)
    .where(eq(templates.workspaceId, workspaceId))
    .orderBy(desc(templates.updatedAt));
}

export async function findTemplate(
  workspaceId: string,
  templateId: string,
  ex: Executor = db(),
): Promise<TTemplate | null> {
  const [row] = await ex
    .select()
    .from(templates)
    .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, templateId)));
  return row ?? null;
}

/** Row-locked, so two publishes of one template take versions n+1 and n+2, never both n+1. */
export async function lockTemplate(
  workspaceId: string,
  templateId: string,
  ex: Executor,
): Promise<TTemplate | null> {
  const [row] = await ex
    .select()
    .from(templates)
    .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, templateId)))
    .for("update");
  return row ?? null;
}

export async function insertTemplate(
  row: {
    workspaceId: string;
    name: string;
    channel: TTemplate["channel"];
    draft: Record<string, unknown>;
    createdBy: string | null;
    topicId?: string | null;
  },
  ex: Executor = db(),
) {
  const [created] = await ex.insert(templates).values(row).returning();
  return created!;
}

export async function updateTemplate(
  workspaceId: string,
  templateId: string,
  patch: {
    name?: string;
    draft?: Record<string, unknown>;
    publishedVersion?: number;
    topicId?: string | null;
  },
  ex: Executor = db(),
) {
  const [row] = await ex
    .update(templates)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, templateId)))
    .returning();
  return row ?? null;
}

export async function insertTemplateVersion(
  row: typeof templateVersions.$inferInsert,
  ex: Executor,
) {
  await ex.insert(templateVersions).values(row);
}

export async function listTemplateVersions(
  workspaceId: string,
  templateId: string,
  ex: Executor = db(),
) {
  return ex
    .select({
      version: templateVersions.version,
      publishedAt: templateVersions.publishedAt,
      publishedBy: users.name,
      publishedByEmail: users.email,
    })
    .from(templateVersions)
    .leftJoin(users, eq(users.id, templateVersions.publishedBy))
    .where(
      and(
        eq(templateVersions.workspaceId, workspaceId),
        eq(templateVersions.templateId, templateId),
      ),
    )
    .orderBy(desc(templateVersions.version));
}

export async function deleteTemplate(workspaceId: string, templateId: string, ex: Executor = db()) {
  const rows = await ex
    .delete(templates)
    .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, templateId)))
    .returning({ id: templates.id });
  return rows.length === 1;
}
