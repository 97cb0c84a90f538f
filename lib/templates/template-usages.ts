/**
 * What uses a template, as names people recognise ("journey Welcome"). Journeys and campaigns add
 * their finders here; a template in use cannot be deleted.
 */
type TFinder = (workspaceId: string, templateId: string) => Promise<string[]>;
const finders: TFinder[] = [];

export function registerTemplateUsageFinder(finder: TFinder) {
  finders.push(finder);
}

export async function findTemplateUsages(workspaceId: string, templateId: string): Promise<string[]> {
  return (await Promise.all(finders.map((f) => f(workspaceId, templateId)))).flat();
}
