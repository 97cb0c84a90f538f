import { createHash } from "node:crypto";
import { findTemplateForSend, findWorkspaceName } from "@/db/queries/transactional";
import { ValidationError } from "@/lib/errors";
import { getCompiledTemplate } from "@/lib/templates/compiled-template-cache";
import type { TCompiledTemplate } from "@/lib/templates/render-message";
import type { TTemplateContent } from "@/lib/templates/template-content";
import { buildContent } from "./build-content";
import type { TSendMessagesRequest } from "./send-request";

export type TWorkspaceNaming = { name: string; timezone: string | null };

export type TTransactionalContent = {
  templateId: string | null;
  templateVersion: number | null;
  workspaceName: string;
  workspaceTimezone: string | null;
  /** The compiled content recipient `i` gets: the template, or it with their overrides. */
  compiledFor(i: number): Promise<TCompiledTemplate>;
};

const hashOf = (c: TTemplateContent) =>
  `inline:${createHash("sha256").update(JSON.stringify(c)).digest("base64url")}`;

/**
 * The request's content: its published template (by id or name, a given or the latest version)
 * or its inline content, and each recipient's overrides laid over it. Every defect is a 400 naming
 * the field, found before anything is written. Compiled once per distinct content (the compiled
 * template cache keeps inline content by its hash, so a repeated request compiles nothing).
 */
export async function resolveTransactionalContent(
  workspaceId: string,
  req: TSendMessagesRequest,
  /** Already known (the API key's lookup joins the workspace): saves reading it again. */
  workspace?: TWorkspaceNaming,
): Promise<TTransactionalContent> {
  let base: TTemplateContent;
  let templateId: string | null = null;
  let templateVersion: number | null = null;
  let workspaceName: string;
  let workspaceTimezone: string | null;
  let baseKey: string;
  if (req.template) {
    const field = req.template.id ? "template.id" : "template.name";
    // The template, its version and the workspace's naming: one round trip.
    const found = await findTemplateForSend(workspaceId, req.template);
    if (!found) throw new ValidationError({ [field]: "No template with this id or name" });
    const version = found.version;
    if (!version)
      throw new ValidationError(
        req.template.version
          ? { "template.version": "The template has no such published version" }
          : { [field]: "The template has never been published" },
      );
    if (version.channel !== req.channel)
      throw new ValidationError({
        channel: `The template is a ${version.channel} template, not ${req.channel}`,
      });
    base = version.content as TTemplateContent;
    templateId = found.templateId;
    templateVersion = version.version;
    workspaceName = workspace?.name ?? found.workspaceName;
    workspaceTimezone = workspace ? workspace.timezone : found.workspaceTimezone;
    baseKey = `${templateId}:${templateVersion}`;
  } else {
    const built = buildContent(req.channel, null, req.content ?? {}, "content");
    if (!built.ok) throw new ValidationError(built.fields);
    base = built.content;
    baseKey = hashOf(base);
    const ws = workspace ?? (await findWorkspaceName(workspaceId));
    workspaceName = ws?.name ?? "";
    workspaceTimezone = ws?.timezone ?? null;
  }

  const perRecipient = new Map<number, { key: string; content: TTemplateContent }>();
  const errors: Record<string, string> = {};
  req.recipients.forEach((r, i) => {
    if (!r.overrides || !Object.keys(r.overrides).length) return;
    const built = buildContent(req.channel, base, r.overrides, `recipients.${i}.overrides`);
    if (built.ok) perRecipient.set(i, { key: hashOf(built.content), content: built.content });
    else Object.assign(errors, built.fields);
  });
  if (Object.keys(errors).length) throw new ValidationError(errors);

  return {
    templateId,
    templateVersion,
    workspaceName,
    workspaceTimezone,
    compiledFor(i) {
      const own = perRecipient.get(i);
      return own ? getCompiledTemplate(own.key, own.content) : getCompiledTemplate(baseKey, base);
    },
  };
}
