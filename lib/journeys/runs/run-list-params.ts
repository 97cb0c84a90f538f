import { z } from "zod";
import { RUN_FILTER_STATUSES, type TRunFilter } from "@/db/queries/journey-runs";
import { formatCursor, parseCursor, type TKeysetCursor } from "@/lib/pagination/keyset-cursor";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const ZRunListParams = z.object({
  journey: z.preprocess(one, z.uuid().optional().catch(undefined)),
  status: z.preprocess(one, z.enum(RUN_FILTER_STATUSES).optional().catch(undefined)),
  q: z.preprocess(one, z.string().trim().max(200).optional().catch(undefined)),
  after: z.preprocess(one, z.string().max(100).optional().catch(undefined)),
});

/** The Runs page's URL → a filter; anything malformed is dropped (a hand-edited URL still opens). */
export function parseRunListParams(
  search: Record<string, string | string[] | undefined>,
): TRunFilter & { q: string } {
  const p = ZRunListParams.parse(search);
  return {
    journeyId: p.journey ?? null,
    status: p.status ?? null,
    contact: p.q || null,
    q: p.q ?? "",
    after: parseCursor(p.after),
  };
}

/** The query string of a view, optionally at another page. */
export function runListQuery(view: TRunFilter, after?: TKeysetCursor | null): string {
  const s = new URLSearchParams();
  if (view.journeyId) s.set("journey", view.journeyId);
  if (view.status) s.set("status", view.status);
  if (view.contact) s.set("q", view.contact);
  if (after) s.set("after", formatCursor(after));
  const qs = s.toString();
  return qs ? `?${qs}` : "";
}
