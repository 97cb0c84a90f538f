import { useTranslations } from "next-intl";
import Link from "next/link";
import { useJourneyStatusLabel } from "@/components/app/use-labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { TSegmentUsage } from "@/lib/segments/segment-usages";

/** Where a segment is used; anything listed as live blocks its deletion. */
export function UsedBy({ usages }: { usages: TSegmentUsage[] }) {
  const t = useTranslations("segments.usedBy");
  const status = useJourneyStatusLabel();
  const why = (u: TSegmentUsage) =>
    !u.why
      ? u.detail
      : u.why.key === "conditions"
        ? t("why.conditions")
        : t("why.journey", {
            status: status(u.why.status),
            blocking: u.blocking ? "yes" : "no",
          });
  return (
    <Card data-testid="used-by">
      <CardHeader title={t("title")} description={t("description")} />
      {usages.length ? (
        <ul className="divide-y divide-slate-100">
          {usages.map((u) => (
            <li key={`${u.kind}-${u.id}`} className="flex items-center gap-3 px-5 py-3 text-sm">
              <Badge>{t(`kinds.${u.kind}`)}</Badge>
              <Link href={u.href} className="font-medium text-brand-700 hover:underline">
                {u.name}
              </Link>
              {u.why || u.detail ? <span className="text-slate-500">{why(u)}</span> : null}
              {u.blocking ? (
                <Badge tone="amber" className="ml-auto">
                  {t("blocks")}
                </Badge>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">{t("none")}</p>
      )}
    </Card>
  );
}
