import { findTemplate } from "@/db/queries/templates";
import type { TConverted, TPlannedObject } from "./plan-import";
import {
  writeCampaign,
  writeJourney,
  writeSegment,
  writeSettings,
  writeTemplate,
} from "./write-objects";

/**
 * Writes one converted object as its Waymark kind (in its own transaction). A template's
 * published version is noted for the campaigns that send it; a segment gets the members its
 * endpoint files named.
 */
export async function writeConverted(
  workspaceId: string,
  userId: string | null,
  key: { kind: string; pinpointId: string },
  o: TPlannedObject,
  converted: TConverted,
  body: Record<string, unknown> | null,
  made: { versions: Map<string, number>; endpointIdsBySegment: Map<string, string[]> },
): Promise<{ id: string; renamed?: string }> {
  const { versions, endpointIdsBySegment } = made;
  let r: { id: string; renamed?: string };
  switch (converted.kind) {
    case "settings":
      r = await writeSettings(workspaceId, key, converted.value.defaults!);
      break;
    case "template":
      r = await writeTemplate(workspaceId, userId, key, o.existingId, {
        ...converted.value,
        content: converted.value.content!,
      });
      versions.set(r.id, await publishedVersionOf(workspaceId, r.id));
      break;
    case "segment":
      r = await writeSegment(workspaceId, userId, key, o.existingId, {
        ...converted.value,
        endpointIds: endpointIdsBySegment.get(o.pinpointId) ?? [],
      });
      break;
    case "campaign":
      r = await writeCampaign(workspaceId, userId, key, o.existingId, body!);
      break;
    case "journey":
      r = await writeJourney(workspaceId, userId, key, o.existingId, converted.value);
      break;
  }
  return r;
}

export async function publishedVersionOf(workspaceId: string, templateId: string) {
  return (await findTemplate(workspaceId, templateId))?.publishedVersion ?? 1;
}
