import { findPublishedTemplateVersion } from "@/db/queries/send-context";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { findCampaign } from "@/db/queries/campaigns";
import type { TCampaignRun, TTopic } from "@/db/schema";
import { sendTopic } from "@/lib/topics/check-topic";
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
  /** The campaign's subscription topic (its own, else its first template's); null: none. */
  topic: TTopic | null;
  treatments: {
    label: string;
    templateId: string;
    templateVersion: number;
    compiled: TCompiledTemplate;
  }[];
};

// A run's treatments and limits never change once it exists: each process loads them once per run.
const cache = new Map<string, Promise<TRunContext>>();
const MAX_RUNS = 50;

export function loadRunContext(run: TCampaignRun): Promise<TRunContext> {
  const hit = cache.get(run.id);
  if (hit) return hit;
  const loading = readRunContext(run);
  cache.set(run.id, loading);
  loading.catch(() => cache.delete(run.id));
  if (cache.size > MAX_RUNS) cache.delete(cache.keys().next().value!);
  return loading;
}

async function readRunContext(run: TCampaignRun): Promise<TRunContext> {
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
        return { ...t, compiled, topicId: version.topicId };
      }),
  );
  const campaign = await findCampaign(run.workspaceId, run.campaignId);
  const topic = await sendTopic(
    run.workspaceId,
    campaign?.topicId ?? treatments[0]?.topicId ?? null,
    run.channel,
  );
  return {
    runId: run.id,
    workspaceId: run.workspaceId,
    campaignId: run.campaignId,
    channel: run.channel,
    workspaceName: workspace.name,
    defaultTimeZone: workspace.timezone ?? "UTC",
    limits: ZCampaignLimits.parse(run.limits),
    topic,
    treatments,
  };
}
