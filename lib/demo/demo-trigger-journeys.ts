import { findJourneyByName } from "@/db/queries/demo-seed";
import { listSegmentRefs } from "@/db/queries/segments";
import { listTemplates } from "@/db/queries/templates";
import { ZDraftGraph } from "@/lib/journeys/graph/graph-schema";
import {
  createJourney,
  publishJourney,
  saveJourneyDraft,
} from "@/lib/journeys/manage/manage-journeys";

const at = (x: number, y: number) => ({ x, y });

/** trigger → send email → exit, laid out top to bottom. */
function triggerThenEmail(trigger: Record<string, unknown>, templateId: string) {
  return ZDraftGraph.parse({
    nodes: [
      { id: "trigger", type: "trigger", position: at(300, 0), data: trigger },
      { id: "email", type: "send", position: at(300, 140), data: { channel: "email", templateId } },
      { id: "end", type: "exit", position: at(300, 280), data: {} },
    ],
    edges: [
      { id: "trigger-next-email", source: "trigger", sourceHandle: null, target: "email" },
      { id: "email-next-end", source: "email", sourceHandle: null, target: "end" },
    ],
  });
}

/**
 * Two live journeys that start without an event: a yearly birthday email at 09:00 in each
 * contact's zone, and a thank-you when a contact enters "Pro plan in Europe" (upgrading, or moving
 * to France or Germany). Each is seeded once by name, and skipped when its template or segment is missing.
 */
export async function seedDemoTriggerJourneys(workspaceId: string, publisherId: string) {
  const [templates, segments] = await Promise.all([
    listTemplates(workspaceId),
    listSegmentRefs(workspaceId),
  ]);
  const template = (name: string) =>
    templates.find((t) => t.name === name && t.publishedVersion > 0);
  const birthday = template("Birthday email");
  const upgrade = template("Pro upgrade email");
  const proEurope = segments.find((s) => s.name === "Pro plan in Europe");
  if (birthday) {
    await seedOnce(
      workspaceId,
      publisherId,
      "Birthday greeting",
      triggerThenEmail(
        {
          kind: "date_attribute",
          attribute: "birthday",
          offsetDays: 0,
          time: "09:00",
          yearly: true,
        },
        birthday.id,
      ),
      {
        // Once a year: a re-entry rule, not "once ever".
        entry: { mode: "reentry_after", days: 300 },
      },
    );
  }
  if (upgrade && proEurope) {
    await seedOnce(
      workspaceId,
      publisherId,
      "Pro welcome (Europe)",
      triggerThenEmail(
        { kind: "segment_entered", segmentId: proEurope.id, includeExisting: false },
        upgrade.id,
      ),
      { entry: { mode: "once" } },
    );
  }
}

async function seedOnce(
  workspaceId: string,
  publisherId: string,
  name: string,
  graph: ReturnType<typeof triggerThenEmail>,
  settings: Record<string, unknown>,
) {
  if (await findJourneyByName(workspaceId, name)) return;
  const journey = await createJourney(workspaceId, publisherId, { name });
  await saveJourneyDraft(workspaceId, journey.id, { graph, settings });
  await publishJourney(workspaceId, journey.id, publisherId, { enterNow: false });
}
