import { contactMatches, findSegment, isStaticMember } from "@/db/queries/segments";
import { compileSegment } from "./compile-segment";

/** Whether a contact is in a saved segment right now: a static one's list, or a dynamic one's definition evaluated for them. */
export async function isContactInSegment(
  workspaceId: string,
  contactId: string,
  segmentId: string,
  now = new Date(),
): Promise<boolean> {
  const segment = await findSegment(workspaceId, segmentId);
  if (!segment) return false;
  if (segment.type === "static" || !segment.definition)
    return isStaticMember(segment.id, contactId);
  return contactMatches(
    workspaceId,
    contactId,
    await compileSegment(workspaceId, segment.definition, { now, oneContact: true }),
  );
}
