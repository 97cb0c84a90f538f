import { z } from "zod";
import { db } from "@/db";
import {
  deleteTemplate,
  insertTemplate,
  insertTemplateVersion,
  lockTemplate,
  updateTemplate,
} from "@/db/queries/templates";
import { findTopic } from "@/db/queries/topics";
import { SEND_CHANNELS } from "@/lib/channels/types";
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from "@/lib/errors";
import { defaultTemplateContent } from "./default-template-content";
import { compileTemplate } from "./render-message";
import { ZTemplateContent } from "./template-content";
import { zodFields } from "@/lib/validation/zod-fields";

/** A subscription topic's id (Settings → Topics); null: none. */
const ZTopicId = z.uuid({ error: "must be a topic id" }).nullable();

export const ZCreateTemplate = z.object({
  name: z.string().trim().min(1, "Required").max(120),
  channel: z.enum(SEND_CHANNELS),
  topicId: ZTopicId.optional(),
});
/** Drafts save half-written (an empty subject is fine until publish); only their shape is checked. */
export const ZSaveTemplate = z.object({
  name: z.string().trim().min(1, "Required").max(120).optional(),
  content: z.looseObject({ channel: z.enum(SEND_CHANNELS) }).optional(),
  /** The topic its marketing sends are about; applies to every version from the next send on. */
  topicId: ZTopicId.optional(),
});

/** A topic id must name one of the workspace's topics. */
async function checkTopic(workspaceId: string, topicId: string | null | undefined) {
  if (topicId && !(await findTopic(workspaceId, topicId)))
    throw new ValidationError({ topicId: "No such topic in this workspace" });
}

const nameTaken = () => new ValidationError({ name: "A template with this name already exists" });

export async function createTemplate(
  workspaceId: string,
  userId: string,
  input: z.infer<typeof ZCreateTemplate>,
) {
  await checkTopic(workspaceId, input.topicId);
  try {
    return await insertTemplate({
      workspaceId,
      name: input.name,
      channel: input.channel,
      topicId: input.topicId ?? null,
      draft: defaultTemplateContent(input.channel),
      createdBy: userId,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function saveTemplateDraft(
  workspaceId: string,
  templateId: string,
  input: z.infer<typeof ZSaveTemplate>,
) {
  await checkTopic(workspaceId, input.topicId);
  return db().transaction(async (tx) => {
    const template = await lockTemplate(workspaceId, templateId, tx);
    if (!template) throw new NotFoundError("No such template");
    if (input.content && input.content.channel !== template.channel)
      throw new ValidationError({ "content.channel": `This is a ${template.channel} template` });
    try {
      return await updateTemplate(
        workspaceId,
        templateId,
        { name: input.name, draft: input.content, topicId: input.topicId },
        tx,
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken();
      throw err;
    }
  });
}

/**
 * Freezes the draft as the next version. The draft must be complete (zod) and its Liquid must
 * parse; messages already sent keep the version they were sent with.
 */
export async function publishTemplate(workspaceId: string, templateId: string, userId: string) {
  return db().transaction(async (tx) => {
    const template = await lockTemplate(workspaceId, templateId, tx);
    if (!template) throw new NotFoundError("No such template");
    const parsed = ZTemplateContent.safeParse(template.draft);
    if (!parsed.success) throw new ValidationError(zodFields(parsed.error, "content"));
    await compileTemplate(parsed.data).catch((err: unknown) => {
      if (err instanceof ValidationError)
        throw new ValidationError(
          Object.fromEntries(Object.entries(err.fields ?? {}).map(([k, v]) => [`content.${k}`, v])),
        );
      throw err;
    });
    const version = template.publishedVersion + 1;
    await insertTemplateVersion(
      {
        templateId,
        version,
        workspaceId,
        content: parsed.data,
        publishedBy: userId,
      },
      tx,
    );
    await updateTemplate(
      workspaceId,
      templateId,
      { publishedVersion: version, draft: parsed.data },
      tx,
    );
    return { version };
  });
}

export async function removeTemplate(
  workspaceId: string,
  templateId: string,
  usedBy: () => Promise<string[]>,
) {
  const users = await usedBy();
  if (users.length)
    throw new ConflictError(
      `In use by ${users.map((name) => `journey "${name}"`).join(", ")}: remove it there first`,
      undefined,
      { code: "in_use", values: { users: users.map((name) => `"${name}"`).join(", ") } },
    );
  if (!(await deleteTemplate(workspaceId, templateId))) throw new NotFoundError("No such template");
}
