import type { Executor } from "@/db";
import { findSegment } from "@/db/queries/segments";
import { findTopic } from "@/db/queries/topics";
import { findPublishedTemplateVersion } from "@/db/queries/send-context";
import { channelLabel } from "@/lib/channels/channel-meta";
import { ValidationError } from "@/lib/errors";
import type { TCampaignInput } from "./campaign-settings";

/**
 * What the schema cannot know: the segment exists in this workspace, and every treatment's
 * template version is published and of the campaign's channel. Throws a ValidationError naming
 * each field that is wrong, so nothing half-valid is saved or launched.
 */
export async function checkCampaignReferences(
  workspaceId: string,
  input: Pick<TCampaignInput, "audience" | "channel" | "treatments"> & { topicId?: string | null },
  ex?: Executor,
): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.audience.kind === "segment") {
    const segment = await findSegment(workspaceId, input.audience.segmentId, ex);
    if (!segment) fields["audience.segmentId"] = "No such segment in this workspace";
  }
  for (const [i, t] of input.treatments.entries()) {
    const version = await findPublishedTemplateVersion(
      workspaceId,
      t.templateId,
      t.templateVersion,
      ex,
    );
    if (!version)
      fields[`treatments.${i}.templateVersion`] =
        "Choose a published version of a template in this workspace";
    else if (version.channel !== input.channel)
      fields[`treatments.${i}.templateId`] =
        `This is a ${channelLabel(version.channel)} template; the campaign sends ${channelLabel(input.channel)}`;
  }
  if (input.topicId && !(await findTopic(workspaceId, input.topicId, ex)))
    fields.topicId = "No such topic in this workspace";
  if (Object.keys(fields).length) throw new ValidationError(fields);
}
