import { insertCampaign, updateCampaign } from "@/db/queries/campaigns";
import { ZCampaignInput } from "@/lib/campaigns/campaign-settings";
import { columnsOf } from "@/lib/campaigns/save-campaign";
import type { TDefinitionsFile } from "./definitions-format";
import type { TDefinitionWrite } from "./definition-write";
import { zodFields } from "./import-definitions";
import { namesToIds } from "./name-references";

/** Draft campaigns (a launched one is left as it is), written only when nothing before failed. */
export async function writeCampaigns(file: TDefinitionsFile, w: TDefinitionWrite) {
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
  for (const [i, c] of file.campaigns.entries()) {
    const at = `campaigns[${i}].settings`;
    const missing: Record<string, string> = {};
    const settings = namesToIds(c.settings, byName, at, missing);
    if (Object.keys(missing).length) {
      Object.assign(fields, missing);
      continue;
    }
    // A treatment sends the template's current version in this workspace.
    const treatments = Array.isArray(settings.treatments) ? settings.treatments : [];
    const withVersions = {
      ...settings,
      name: c.name,
      treatments: treatments.map((t: unknown) =>
        t && typeof t === "object" && "templateId" in t
          ? { ...t, templateVersion: templateVersion.get(String(t.templateId)) || 1 }
          : t,
      ),
    };
    const parsed = ZCampaignInput.safeParse(withVersions);
    if (!parsed.success) {
      Object.assign(fields, zodFields(parsed.error, at));
      continue;
    }
    const input = parsed.data;
    input.treatments.forEach((t, k) => {
      if (templateChannel.get(t.templateId) !== input.channel)
        fields[`${at}.treatments[${k}].templateName`] = `is not a ${input.channel} template`;
    });
    const existing = rows.campaigns.find((r) => r.name === c.name);
    const entry = { kind: "campaign" as const, name: c.name };
    if (existing && existing.state !== "draft") {
      entries.push({ ...entry, action: "skip", id: existing.id, reason: "launched" });
      continue;
    }
    if (Object.keys(fields).length) continue;
    const id = existing
      ? (await updateCampaign(workspaceId, existing.id, columnsOf(input), input.treatments, tx))!.id
      : (
          await insertCampaign(
            { ...columnsOf(input), workspaceId, createdBy: userId, stateChangedBy: userId },
            input.treatments,
            tx,
          )
        ).id;
    entries.push({ ...entry, action: existing ? "update" : "create", id });
  }
}
