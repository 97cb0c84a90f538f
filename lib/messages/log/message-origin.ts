import { z } from "zod";
import type { TOriginNames } from "@/lib/journeys/runs/step-name-lookup";

const ZOrigin = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("journey"),
    journeyId: z.string(),
    nodeId: z.string().optional(),
    version: z.number().optional(),
    runId: z.string().optional(),
  }),
  z.object({ kind: z.literal("campaign"), campaignId: z.string() }),
  z.object({ kind: z.literal("test"), userId: z.string().nullish() }),
  z.object({
    kind: z.literal("api"),
    otp: z.boolean().optional(),
    referenceId: z.string().optional(),
  }),
]);

export type TOriginView = {
  kind: "journey" | "campaign" | "test" | "api" | "other";
  label: string;
  /** Set when `label` is a generic word the UI shows in the viewer's language instead. */
  labelKey?: "journey" | "campaign" | "test" | "api" | "otp";
  detail: string | null;
  href: string | null;
};

const short = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/**
 * What sent a message, for people: "Journey" with its node, "Campaign", "Test send". Origins the
 * send pipeline may add later read as their kind instead of failing the page.
 */
export function describeOrigin(
  origin: Record<string, unknown> | null | undefined,
  slug: string,
  names: TOriginNames = () => ({}),
): TOriginView {
  const parsed = ZOrigin.safeParse(origin);
  if (!parsed.success) {
    const kind = typeof origin?.kind === "string" ? origin.kind : "unknown";
    return {
      kind: "other",
      label: kind.charAt(0).toUpperCase() + kind.slice(1),
      detail: null,
      href: null,
    };
  }
  const o = parsed.data;
  switch (o.kind) {
    case "journey": {
      // The journey's and the step's names when known; ids only for what was deleted or predates names.
      const n = names(o.journeyId, o.version, o.nodeId);
      return {
        kind: "journey",
        label: n.journey ?? "Journey",
        ...(n.journey ? {} : { labelKey: "journey" as const }),
        detail:
          [
            n.step ?? (o.nodeId ? `step ${short(o.nodeId)}` : null),
            o.version ? `v${o.version}` : null,
          ]
            .filter(Boolean)
            .join(" · ") || null,
        href: `/w/${slug}/journeys/${encodeURIComponent(o.journeyId)}`,
      };
    }
    case "campaign":
      return {
        kind: "campaign",
        label: "Campaign",
        labelKey: "campaign",
        detail: null,
        href: `/w/${slug}/campaigns/${encodeURIComponent(o.campaignId)}`,
      };
    case "test":
      return { kind: "test", label: "Test send", labelKey: "test", detail: null, href: null };
    case "api":
      return {
        kind: "api",
        label: o.otp ? "One-time passcode" : "API",
        labelKey: o.otp ? "otp" : "api",
        detail: o.referenceId ?? null,
        href: null,
      };
  }
}
