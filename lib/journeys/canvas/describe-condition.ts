import { describeFilter, describeFilters } from "./describe-filters";

/**
 * A branch condition as a sentence, for the node on the canvas: "did Product Viewed and not Order
 * Completed since entry", "plan is pro or (in VIPs and opened an earlier message)". Reads loose
 * draft data, so a half-made condition says what is missing instead of throwing.
 */
type R = Record<string, unknown>;
export type TConditionWords = { segment: (id: string) => string | undefined };

const obj = (v: unknown): R => (v && typeof v === "object" && !Array.isArray(v) ? (v as R) : {});
const str = (v: unknown) => (typeof v === "string" ? v : "");

function windowWords(c: R): string {
  const w = obj(c.window);
  if (w.kind === "last_hours") {
    const h = typeof w.hours === "number" ? w.hours : "?";
    return `in the last ${h} ${h === 1 ? "hour" : "hours"}`;
  }
  return "since entry";
}

/** A did-event check without its window: "did Viewed where sku is a", or "not Bought" after another. */
function eventWords(c: R, first: boolean): string {
  const verb = c.did === false ? (first ? "did not" : "not") : first ? "did" : "";
  return `${verb ? `${verb} ` : ""}${str(c.event) || "an event…"}${describeFilters(c.filters)}`;
}

function leafWords(c: R, ctx: TConditionWords): string {
  switch (c.kind) {
    case "attribute":
      return describeFilter(obj(c.filter)) || "an attribute…";
    case "segment":
      return `${c.in === false ? "not in" : "in"} ${ctx.segment(str(c.segmentId)) ?? "a segment…"}`;
    case "did_event":
      return `${eventWords(c, true)} ${windowWords(c)}`;
    case "engagement":
      return `${str(c.action) || "opened"} an earlier message`;
    default:
      return "a condition…";
  }
}

function groupWords(g: R, ctx: TConditionWords, nested: boolean): string {
  const items = (Array.isArray(g.conditions) ? g.conditions : []).map(obj);
  if (!items.length) return "an empty group…";
  const joiner = g.match === "any" ? " or " : " and ";
  // Checks of events in one window read as one clause: "did A and not B since entry".
  const windows = new Set(items.map((c) => (c.kind === "did_event" ? windowWords(c) : null)));
  const shared = windows.size === 1 && !windows.has(null) && items.length > 1;
  const text = shared
    ? `${items.map((c, i) => eventWords(c, i === 0)).join(joiner)} ${[...windows][0]}`
    : items.map((c) => describeCondition(c, ctx, true)).join(joiner);
  return nested && items.length > 1 ? `(${text})` : text;
}

export function describeCondition(raw: unknown, ctx: TConditionWords, nested = false): string {
  const c = obj(raw);
  return c.kind === "group" ? groupWords(c, ctx, nested) : leafWords(c, ctx);
}
