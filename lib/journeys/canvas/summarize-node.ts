import { SEND_CHANNELS, type TSendChannel } from "@/lib/channels/types";
import type { TNodeKind } from "../graph/node-data";
import { describeCondition } from "./describe-condition";
import { eventWithFilters, filtersText } from "./describe-filters";
import { ENGLISH_SUMMARY, type TSummaryWords } from "./summary-words";

export type TSummaryContext = {
  template: (id: string) => { name: string; publishedVersion: number } | undefined;
  segment: (id: string) => string | undefined;
  /** The words (journeys.summary in the viewer's language); English without them. */
  words?: TSummaryWords;
};

type R = Record<string, unknown>;
const obj = (v: unknown): R => (v && typeof v === "object" && !Array.isArray(v) ? (v as R) : {});
const str = (v: unknown) => (typeof v === "string" ? v : "");
const UNITS = ["minutes", "hours", "days", "weeks"] as const;

/** "2 days", "1 hour"; an unknown unit or amount shows as it is. */
function duration(n: unknown, unit: string, w: TSummaryWords): string {
  const k = typeof n === "number" ? n : Number(n);
  if (Number.isFinite(k) && (UNITS as readonly string[]).includes(unit))
    return w(unit as (typeof UNITS)[number], { n: k });
  const one = unit.replace(/s$/, "");
  return `${Number.isFinite(k) ? k : "?"} ${k === 1 ? one : unit}`;
}

const channelNoun = (c: string, w: TSummaryWords) =>
  (SEND_CHANNELS as readonly string[]).includes(c)
    ? w(`noun_${c as TSendChannel}`)
    : w("noun_other");

/** The one line a node shows under its title: what it does, in a marketer's words. */
export function summarizeNode(kind: TNodeKind, raw: R, ctx: TSummaryContext): string {
  const d = obj(raw);
  const w = ctx.words ?? ENGLISH_SUMMARY;
  switch (kind) {
    case "trigger":
      if (d.kind === "event")
        return str(d.event)
          ? w("whenEvent", { event: str(d.event), filters: filtersText(d.filters, w) || "none" })
          : w("whenAnEvent");
      if (d.kind === "segment_entered")
        return w("onEntering", { segment: ctx.segment(str(d.segmentId)) ?? w("aSegment") });
      if (d.kind === "date_attribute")
        return str(d.attribute)
          ? w("onDate", { attribute: str(d.attribute), yearly: d.yearly ? "yes" : "no" })
          : w("onADate");
      return w("whenApi");
    case "wait":
      if (d.kind === "duration")
        return w("wait", { duration: duration(d.amount, str(d.unit) || "days", w) });
      if (d.kind === "until_datetime")
        return w("waitUntil", {
          when: str(d.at) ? str(d.at).slice(0, 16).replace("T", " ") : w("aDate"),
        });
      if (d.kind === "until_time_of_day")
        return w("waitUntil", { when: str(d.time) || w("aTime") });
      return w("waitUntil", { when: str(d.attribute) || w("aDateAttribute") });
    case "wait_for_event": {
      const t = obj(d.timeout);
      const awaited = eventWithFilters(str(d.event) || w("anEvent"), d.filters, w);
      const within = duration(t.amount, str(t.unit) || "days", w);
      if (!d.condition) return w("await", { awaited, duration: within });
      // "all": the event and the group when it arrives; "any": the event, or the group at the timeout.
      const condition = describeCondition(d.condition, { ...ctx, words: w }, true);
      return w(d.match === "any" ? "awaitAny" : "awaitAll", {
        awaited,
        condition,
        duration: within,
      });
    }
    case "branch":
      return w("if", { condition: describeCondition(d.condition, { ...ctx, words: w }) });
    case "multi_branch": {
      // Each case in words, in the order they are checked; the node clamps it, its title has it all.
      const cases = (Array.isArray(d.cases) ? d.cases : []).map(obj);
      if (!cases.length) return w("addCase");
      const words = cases.map(
        (c, i) =>
          `${str(c.label).trim() || w("case", { n: i + 1 })}: ${describeCondition(c.condition, { ...ctx, words: w })}`,
      );
      // "else" is the output's id, the same in every language.
      return `${words.join(" · ")} · else`;
    }
    case "ab_split": {
      const vs = Array.isArray(d.variants)
        ? (d.variants as unknown[]).map((v) => obj(v).percent)
        : [];
      return vs.length
        ? w("split", { parts: vs.map((p) => (typeof p === "number" ? p : "?")).join("/") })
        : w("splitEmpty");
    }
    case "holdout":
      return w("holdOut", { percent: typeof d.percent === "number" ? d.percent : "?" });
    case "send": {
      const channel = channelNoun(str(d.channel), w);
      const t = ctx.template(str(d.templateId));
      const template = !str(d.templateId)
        ? w("chooseTemplate")
        : !t
          ? w("missingTemplate")
          : t.publishedVersion
            ? `${t.name} v${t.publishedVersion}`
            : w("unpublished", { name: t.name });
      return w("send", { channel, template });
    }
    case "update_contact":
      return str(d.attribute)
        ? w("set", {
            attribute: str(d.attribute),
            value: d.value === null ? w("removedValue") : String(JSON.stringify(d.value)),
          })
        : w("setAnAttribute");
    case "webhook":
      return str(d.url)
        ? `${str(d.method) || "POST"} ${str(d.url).replace(/^https?:\/\//, "")}`
        : w("callUrl");
    case "exit":
      return w("leave");
  }
}
