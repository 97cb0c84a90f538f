import { isDeepStrictEqual } from "node:util";
import { insertTemplate, insertTemplateVersion, updateTemplate } from "@/db/queries/templates";
import { ZTemplateContent } from "@/lib/templates/template-content";
import type { TDefinitionsFile } from "./definitions-format";
import type { TDefinitionWrite } from "./definition-write";
import { zodFields } from "./import-definitions";

/** Templates: a new one, or a new published version of one whose content changed. */
export async function writeTemplates(file: TDefinitionsFile, w: TDefinitionWrite) {
  const {
    workspaceId,
    userId,
    rows,
    tx,
    entries,
    fields,
    byName,
    templateVersion,
    templateChannel,
  } = w;
  for (const [i, t] of file.templates.entries()) {
    const at = `templates[${i}]`;
    const content = ZTemplateContent.safeParse(t.content);
    if (!content.success) {
      Object.assign(fields, zodFields(content.error, `${at}.content`));
      continue;
    }
    if (content.data.channel !== t.channel) {
      fields[`${at}.channel`] = `is ${t.channel} but the content is ${content.data.channel}`;
      continue;
    }
    const existing = rows.templates.find((r) => r.name === t.name);
    const entry = { kind: "template" as const, name: t.name };
    if (existing && existing.channel !== t.channel) {
      entries.push({ ...entry, action: "skip", id: existing.id, reason: "other_channel" });
      continue;
    }
    if (existing && isDeepStrictEqual(existing.draft, content.data)) {
      entries.push({ ...entry, action: "skip", id: existing.id, reason: "unchanged" });
      continue;
    }
    const row =
      existing ??
      (await insertTemplate(
        { workspaceId, name: t.name, channel: t.channel, draft: content.data, createdBy: userId },
        tx,
      ));
    const version = existing ? existing.publishedVersion + 1 : 1;
    await insertTemplateVersion(
      { templateId: row.id, version, workspaceId, content: content.data, publishedBy: userId },
      tx,
    );
    await updateTemplate(
      workspaceId,
      row.id,
      { draft: content.data, publishedVersion: version },
      tx,
    );
    byName.template.set(t.name, row.id);
    templateVersion.set(row.id, version);
    templateChannel.set(row.id, t.channel);
    entries.push({ ...entry, action: existing ? "update" : "create", id: row.id });
  }
}
