import { z } from "zod";
import { listRecentContactEvents } from "@/db/queries/contact-timeline";
import { findJourney } from "@/db/queries/journeys";
import { listSegmentRefs } from "@/db/queries/segments";
import { loadSendContact } from "@/db/queries/send-context";
import { listTemplates } from "@/db/queries/templates";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isContactInSegment } from "@/lib/segments/contact-in-segment";
import { zodFields } from "@/lib/validation/zod-fields";
import { compileJourney } from "../compile/compile-journey";
import { ZJourneySettings } from "../graph/journey-settings";
import { InvalidGraphError } from "../manage/manage-journeys";
import { simulateJourney } from "./simulate-journey";
import { validateGraph } from "../graph/validate-graph";

export const ZTestOnContact = z.union([
  z.object({ contactId: z.uuid() }),
  z.object({
    attributes: z.record(z.string(), z.unknown()),
    timezone: z.string().max(100).optional(),
    /** Future events as offsets from entry ("buys 2 hours in"), to see the other branch. */
    events: z
      .array(
        z.object({
          name: z.string().min(1).max(200),
          properties: z.record(z.string(), z.unknown()).default({}),
          afterMinutes: z.number().min(0).max(525_600),
        }),
      )
      .max(50)
      .default([]),
  }),
]);

/**
 * "Test on a contact": the current draft, validated like a publish, walked by the real
 * interpreter for a real contact (their attributes, segments and recent events) or hand-written
 * attributes; waits fast-forward and nothing is sent.
 */
export async function testJourneyOnContact(
  workspaceId: string,
  journeyId: string,
  input: z.infer<typeof ZTestOnContact>,
) {
  const journey = await findJourney(workspaceId, journeyId);
  if (!journey) throw new NotFoundError("No such journey in this workspace");
  const [templates, segments, workspace] = await Promise.all([
    listTemplates(workspaceId),
    listSegmentRefs(workspaceId),
    findWorkspaceById(workspaceId),
  ]);
  const settings = ZJourneySettings.safeParse(journey.draftSettings);
  if (!settings.success) throw new ValidationError(zodFields(settings.error, "settings"));
  const checked = validateGraph(journey.draftGraph, {
    template: (id) => templates.find((t) => t.id === id && t.publishedVersion > 0),
    segmentExists: (id) => segments.some((s) => s.id === id),
  });
  if (!checked.ok) throw new InvalidGraphError(checked.errors);
  const plan = compileJourney(checked.graph, settings.data);
  const startAt = new Date();

  if ("contactId" in input) {
    const loaded = await loadSendContact(workspaceId, input.contactId);
    if (!loaded) throw new ValidationError({ contactId: "No such contact in this workspace" });
    const c = loaded.contact;
    const memberships = await Promise.all(
      segments.map(async (s) =>
        (await isContactInSegment(workspaceId, c.id, s.id, startAt)) ? s.id : null,
      ),
    );
    const past = await listRecentContactEvents(workspaceId, c.id, 500);
    return simulateJourney({
      plan,
      journeyId,
      contact: {
        id: c.id,
        email: c.email,
        phone: c.phone,
        timezone: c.timezone,
        attributes: c.attributes,
      },
      segmentIds: memberships.filter((s): s is string => s !== null),
      events: past.map((e) => ({
        name: e.name,
        properties: e.properties as Record<string, unknown>,
        at: e.at,
      })),
      startAt,
      defaultTimeZone: workspace?.timezone,
    });
  }
  return simulateJourney({
    plan,
    journeyId,
    contact: { id: "test-contact", timezone: input.timezone ?? null, attributes: input.attributes },
    events: input.events.map((e) => ({
      name: e.name,
      properties: e.properties,
      at: new Date(startAt.getTime() + e.afterMinutes * 60_000),
    })),
    startAt,
    defaultTimeZone: workspace?.timezone,
  });
}
