import { createHash } from "node:crypto";
import { listRunSentMessages } from "@/db/queries/campaign-run-results";
import { recordEngagement } from "@/lib/messages/engagement/record-engagement";

const HOUR = 3600_000;

/** A number in [0, 1) from a message id and a salt: which messages open, and when. */
const share = (id: string, salt: string) =>
  createHash("sha1").update(`${salt}:${id}`).digest().readUInt32BE(0) / 2 ** 32;

/**
 * Opens and clicks on one newsletter run's messages, a few hours after it went out, so its
 * results (and the across-runs table) have figures: about 45 % open, a third of those click.
 * Later runs do a little better, as a newsletter that finds its readers would. The share is
 * counted, not drawn per message: message ids are new on every seed, and a run of five drawn at
 * 45 % would now and then get no open at all and show a dead row.
 */
export async function seedNewsletterEngagement(
  workspaceId: string,
  run: { id: string; occurrence: number },
  sentAt: Date,
) {
  const lift = 0.03 * (run.occurrence - 1);
  const sent = await listRunSentMessages(workspaceId, run.id);
  const opening = [...sent]
    .sort((a, b) => share(a, "open") - share(b, "open"))
    .slice(0, sent.length ? Math.max(1, Math.round(sent.length * (0.45 + lift))) : 0);
  for (const [i, messageId] of opening.entries()) {
    await recordEngagement({
      workspaceId,
      messageId,
      type: "opened",
      at: new Date(sentAt.getTime() + (1 + share(messageId, "when") * 20) * HOUR),
    });
    // The first opener and every third after it click.
    if (i % 3 !== 0) continue;
    await recordEngagement({
      workspaceId,
      messageId,
      type: "clicked",
      detail: { url: "https://acme.test/newsletter" },
      at: new Date(sentAt.getTime() + (22 + share(messageId, "when") * 2) * HOUR),
    });
  }
}
