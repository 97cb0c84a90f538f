import { findJourneysReferencing } from "@/lib/journeys/manage/find-journeys-referencing";

/**
 * What stops a template from being deleted: a live or paused journey that sends it, named as
 * people recognise it. Drafts do not block (publishing them will say the template is gone).
 */
export async function findTemplateUsages(
  workspaceId: string,
  templateId: string,
): Promise<string[]> {
  const journeys = await findJourneysReferencing(workspaceId, { templateId });
  return journeys.filter((j) => j.status === "live" || j.status === "paused").map((j) => j.name);
}
