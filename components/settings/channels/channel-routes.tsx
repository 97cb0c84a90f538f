import { useTranslations } from "next-intl";
import { useChannelLabel } from "@/components/app/use-labels";
import { Badge } from "@/components/ui/badge";
import type { TChannelRoute } from "@/lib/channels/describe-channel-routes";

const TONE = { outbox: "amber", in_app: "neutral" } as const;

/** One card per channel saying where its messages go now. */
export function ChannelRoutes({ routes }: { routes: readonly TChannelRoute[] }) {
  const t = useTranslations("settings.channelsPage");
  const label = useChannelLabel();
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {routes.map((r) => {
        const via = r.via[0] ?? "outbox";
        return (
          <li
            key={r.channel}
            data-testid={`channel-${r.channel}`}
            className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm"
          >
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-900">{label(r.channel)}</h3>
              <Badge tone={via === "outbox" || via === "in_app" ? TONE[via] : "green"}>
                {t(`via.${via === "outbox" || via === "in_app" ? via : "provider"}`)}
              </Badge>
            </div>
            <p className="mt-1 text-sm text-slate-600" data-testid="destination">
              {r.where.map((p) => t(`route.${p.key}`, p)).join(" + ")}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
