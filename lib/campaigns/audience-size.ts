import { countAudience } from "@/db/queries/campaign-audience";
import { NotFoundError } from "@/lib/errors";
import { audienceCondition } from "./audience-condition";

/** The editor's live count: audience, reachable on the channel, and expected recipients after the holdout. */
export async function audienceSize(
  workspaceId: string,
  q: { segmentId: string | null; channel: string; holdoutPercent: number },
) {
  const condition = await audienceCondition(
    workspaceId,
    q.segmentId ? "segment" : "everyone",
    q.segmentId,
    new Date(),
  );
  if (!condition) throw new NotFoundError("No such segment");
  const { total, reachable } = await countAudience(workspaceId, condition, q.channel);
  return {
    total,
    reachable,
    expectedRecipients: Math.round(reachable * (1 - q.holdoutPercent / 100)),
  };
}
