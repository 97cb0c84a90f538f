import { findPublishedTemplateVersion } from "@/db/queries/send-context";
import { findWorkspaceById } from "@/db/queries/workspaces";
import type { TCampaignRun } from "@/db/schema";
import type { TSendChannel } from "@/lib/channels/types";
import { getCompiledTemplate } from "@/lib/templates/compiled-template-cache";
import type { TCompiledTemplate } from "@/lib/templates/render-message";
import type { TTemplateContent } from "@/lib/templates/template-content";
import { ZCampaignLimits, ZTreatment, type TCampaignLimits } from "../campaign-settings";

/** What every batch of a run needs, loaded once per drain call: templates compiled once per version. */
export type TRunContext = {
  runId: string;
  workspaceId: string;
  campaignId: string;
  channel: TSendChannel;
  workspaceName: string;
  defaultTimeZone: string;
  limits: TCampaignLimits;
  treatments: {
    label: string;
    templateId: string;
    templateVersion: number;
    compiled: TCompiledTemplate;
  }[];
};

export async function loadRunContext(run: TCampaignRun): Promise<TRunContext> {
  const workspace = await findWorkspaceById(run.workspaceId);
  if (!workspace) throw new Error(`run ${run.id}: workspace is gone`);
  const treatments = await Promise.all(
    ZTreatment.array()
      .parse(run.treatments)
      .map(async (t) => {
        const version = await findPublishedTemplateVersion(
          run.workspaceId,
          t.templateId,
          t.templateVersion,
        );
        if (!version)
          throw new Error(`run ${run.id}: template version ${t.templateVersion} is gone`);
        const compiled = await getCompiledTemplate(
          `${t.templateId}:${t.templateVersion}`,
          version.content as TTemplateContent,
        );
        return { ...t, compiled };
      }),
  );
  return {
    runId: run.id,
    workspaceId: run.workspaceId,
    campaignId: run.campaignId,
    channel: run.channel,
    workspaceName: workspace.name,
    defaultTimeZone: workspace.timezone ?? "UTC",
    limits: ZCampaignLimits.parse(run.limits),
    treatments,
  };
}
