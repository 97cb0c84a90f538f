import { describeFilter, eventWithFilters } from "./describe-filters";
import { ENGLISH_SUMMARY, type TSummaryWords } from "./summary-words";

/**
 * A branch condition as a sentence, for the node on the canvas: "did Product Viewed and not Order
 * Completed since entry", "plan is pro or (in VIPs and opened an earlier message)". Reads loose
 * draft data, so a half-made condition says what is missing instead of throwing. The words come
 * from `words` (journeys.summary), English without it.
 */
type R = Record<string, unknown>;
export type TConditionWords = {
  segment: (id: string) => string | undefined;
  words?: TSummaryWords;
};

const obj = (v: unknown): R => (v && typeof v === "object" && !Array.isArray(v) ? (v as R) : {});
const str = (v: unknown) => (typeof v === "string" ? v : "");

function windowWords(c: R, w: TSummaryWords): string {
  const win = obj(c.window);
  if (win.kind === "last_hours")
    return typeof win.hours === "number"
      ? w("lastHours", { hours: win.hours })
      : w("lastSomeHours");
  return w("sinceEntry");
}

/** A did-event check without its window: "did Viewed where sku is a", or "not Bought" after another. */
function eventWords(c: R, first: boolean, w: TSummaryWords): string {
  const event = eventWithFilters(str(c.event) || w("anEvent"), c.filters, w);
  if (c.did === false) return w(first ? "didNot" : "not", { event });
  return first ? w("did", { event }) : event;
}

function leafWords(c: R, ctx: TConditionWords, w: TSummaryWords): string {
  switch (c.kind) {
    case "attribute":
      return describeFilter(obj(c.filter), w) || w("anAttribute");
    case "segment":
      return w(c.in === false ? "notInSegment" : "inSegment", {
        segment: ctx.segment(str(c.segmentId)) ?? w("aSegment"),
      });
    case "did_event":
      return w("inWindow", { what: eventWords(c, true, w), window: windowWords(c, w) });
    case "engagement":
      return w("engaged", { action: str(c.action) || "opened" });
    default:
      return w("aCondition");
  }
}

function groupWords(g: R, ctx: TConditionWords, nested: boolean, w: TSummaryWords): string {
  const items = (Array.isArray(g.conditions) ? g.conditions : []).map(obj);
  if (!items.length) return w("emptyGroup");
  const join = (parts: string[]) =>
    parts.reduce((a, b) => w(g.match === "any" ? "or" : "and", { a, b }));
  // Checks of events in one window read as one clause: "did A and not B since entry".
  const windows = new Set(items.map((c) => (c.kind === "did_event" ? windowWords(c, w) : null)));
  const shared = windows.size === 1 && !windows.has(null) && items.length > 1;
  const text = shared
    ? w("inWindow", {
        what: join(items.map((c, i) => eventWords(c, i === 0, w))),
        window: [...windows][0]!,
      })
    : join(items.map((c) => describeCondition(c, ctx, true)));
  return nested && items.length > 1 ? `(${text})` : text;
}

export function describeCondition(raw: unknown, ctx: TConditionWords, nested = false): string {
  const c = obj(raw);
  const w = ctx.words ?? ENGLISH_SUMMARY;
  return c.kind === "group" ? groupWords(c, ctx, nested, w) : leafWords(c, ctx, w);
}
