/**
 * A journey from a definitions file, with this workspace's ids: the import's dry run maps the
 * file's names (templates, segments) and answers each journey's graph; the one named like this
 * journey is taken, else the file's only journey. Nothing is written.
 */
export type TReadError =
  { code: "notJson" } | { code: "noJourney"; name: string } | { code: "refused"; detail: string };
type TResult = { ok: true; graph: unknown } | ({ ok: false } & TReadError);
type TEntry = { kind: string; name: string; graph?: unknown };

export async function readJourneyFromFile(slug: string, name: string, f: File): Promise<TResult> {
  let file: unknown;
  try {
    file = JSON.parse(await f.text());
  } catch {
    return { ok: false, code: "notJson" };
  }
  const res = await fetch(`/api/w/${slug}/definitions/import`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ dryRun: true, file }),
  });
  const body = (await res.json().catch(() => null)) as {
    entries?: TEntry[];
    error?: { message?: string; fields?: Record<string, string> };
  } | null;
  if (!res.ok) {
    const [path, message] = Object.entries(body?.error?.fields ?? {})[0] ?? [];
    return {
      ok: false,
      code: "refused",
      detail: path ? `${path}: ${message}` : (body?.error?.message ?? res.statusText),
    };
  }
  const journeys = (body?.entries ?? []).filter((e) => e.kind === "journey" && e.graph);
  const match =
    journeys.find((j) => j.name === name) ?? (journeys.length === 1 ? journeys[0] : null);
  if (!match) return { ok: false, code: "noJourney", name };
  return { ok: true, graph: match.graph };
}
