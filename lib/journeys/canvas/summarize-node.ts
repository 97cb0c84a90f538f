import { CHANNEL_META } from "@/lib/channels/channel-meta";
import type { TSendChannel } from "@/lib/channels/types";
import type { TNodeKind } from "../graph/node-data";
import { describeCondition } from "./describe-condition";
import { describeFilters } from "./describe-filters";

export type TSummaryContext = {
  template: (id: string) => { name: string; publishedVersion: number } | undefined;
  segment: (id: string) => string | undefined;
};

type R = Record<string, unknown>;
const obj = (v: unknown): R => (v && typeof v === "object" && !Array.isArray(v) ? (v as R) : {});
const str = (v: unknown) => (typeof v === "string" ? v : "");
const plural = (n: unknown, unit: string) => {
  const k = typeof n === "number" ? n : Number(n);
  const one = unit.replace(/s$/, "");
  return `${Number.isFinite(k) ? k : "?"} ${k === 1 ? one : unit}`;
};

const channelNoun = (c: string) =>
  Object.hasOwn(CHANNEL_META, c) ? CHANNEL_META[c as TSendChannel].noun : "message";

/** The one line a node shows under its title: what it does, in a marketer's words. */
export function summarizeNode(kind: TNodeKind, raw: R, ctx: TSummaryContext): string {
  const d = obj(raw);
  switch (kind) {
    case "trigger":
      if (d.kind === "event")
        return str(d.event)
          ? `When ${str(d.event)} happens${describeFilters(d.filters)}`
          : "When an event happens…";
      if (d.kind === "segment_entered")
        return `On entering ${ctx.segment(str(d.segmentId)) ?? "a segment…"}`;
      if (d.kind === "date_attribute")
        return str(d.attribute)
          ? `On ${str(d.attribute)}${d.yearly ? " (yearly)" : ""}`
          : "On a date attribute…";
      return "When the API starts it";
    case "wait":
      if (d.kind === "duration") return `Wait ${plural(d.amount, str(d.unit) || "days")}`;
      if (d.kind === "until_datetime")
        return str(d.at)
          ? `Wait until ${str(d.at).slice(0, 16).replace("T", " ")}`
          : "Wait until a date…";
      if (d.kind === "until_time_of_day") return `Wait until ${str(d.time) || "a time…"}`;
      return str(d.attribute) ? `Wait until ${str(d.attribute)}` : "Wait until a date attribute…";
    case "wait_for_event": {
      const t = obj(d.timeout);
      return `${str(d.event) || "an event…"}${describeFilters(d.filters)} · up to ${plural(t.amount, str(t.unit) || "days")}`;
    }
    case "branch":
      return `If ${describeCondition(d.condition, ctx)}`;
    case "multi_branch": {
      // Each case in words, in the order they are checked; the node clamps it, its title has it all.
      const cases = (Array.isArray(d.cases) ? d.cases : []).map(obj);
      if (!cases.length) return "Add a case…";
      const words = cases.map(
        (c, i) =>
          `${str(c.label).trim() || `Case ${i + 1}`}: ${describeCondition(c.condition, ctx)}`,
      );
      return `${words.join(" · ")} · else`;
    }
    case "ab_split": {
      const vs = Array.isArray(d.variants)
        ? (d.variants as unknown[]).map((v) => obj(v).percent)
        : [];
      return vs.length
        ? `Split ${vs.map((p) => (typeof p === "number" ? p : "?")).join("/")}`
        : "Split…";
    }
    case "holdout":
      return `Hold out ${typeof d.percent === "number" ? d.percent : "?"}%`;
    case "send": {
      const channel = channelNoun(str(d.channel));
      const t = ctx.template(str(d.templateId));
      if (!str(d.templateId)) return `Send ${channel} · choose a template`;
      return t
        ? `Send ${channel} · ${t.name}${t.publishedVersion ? ` v${t.publishedVersion}` : " (unpublished)"}`
        : `Send ${channel} · missing template`;
    }
    case "update_contact":
      return str(d.attribute)
        ? `Set ${str(d.attribute)} = ${d.value === null ? "(removed)" : JSON.stringify(d.value)}`
        : "Set an attribute…";
    case "webhook":
      return str(d.url)
        ? `${str(d.method) || "POST"} ${str(d.url).replace(/^https?:\/\//, "")}`
        : "Call a URL…";
    case "exit":
      return "Leave the journey";
  }
}
