import { createHash } from "node:crypto";
import { listRunSentMessages } from "@/db/queries/campaign-run-results";
import { recordEngagement } from "@/lib/messages/engagement/record-engagement";

const HOUR = 3600_000;

/** A stable number in [0, 1) from a message id and a salt: the same demo on every fresh seed. */
const share = (id: string, salt: string) =>
  createHash("sha1").update(`${salt}:${id}`).digest().readUInt32BE(0) / 2 ** 32;

/**
 * Opens and clicks on one newsletter run's messages, a few hours after it went out, so its
 * results (and the across-runs table) have figures: about 45 % open, a third of those click.
 * Later runs do a little better, as a newsletter that finds its readers would.
 */
export async function seedNewsletterEngagement(
  workspaceId: string,
  run: { id: string; occurrence: number },
  sentAt: Date,
) {
  const lift = 0.03 * (run.occurrence - 1);
  for (const messageId of await listRunSentMessages(workspaceId, run.id)) {
    if (share(messageId, "open") >= 0.42 + lift) continue;
    await recordEngagement({
      workspaceId,
      messageId,
      type: "opened",
      at: new Date(sentAt.getTime() + (1 + share(messageId, "when") * 20) * HOUR),
    });
    if (share(messageId, "click") >= 0.33) continue;
    await recordEngagement({
      workspaceId,
      messageId,
      type: "clicked",
      detail: { url: "https://acme.test/newsletter" },
      at: new Date(sentAt.getTime() + (22 + share(messageId, "when") * 2) * HOUR),
    });
  }
}
