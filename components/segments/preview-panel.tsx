"use client";
import { useLocale, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber } from "@/lib/format/numbers";
import type { TPreviewContact } from "@/lib/segments/preview-segment";

const show = (v: unknown) =>
  v === undefined || v === null ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** The matching count and the first contacts, with the attributes the segment filters on. */
export function PreviewPanel({
  count,
  sample,
  attributeKeys,
  state,
}: {
  count: number | null;
  sample: TPreviewContact[];
  attributeKeys: string[];
  state: "loading" | "updating" | "error" | "ready";
}) {
  const t = useTranslations("segments.preview");
  const tc = useTranslations("common");
  const locale = useLocale();
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <div className="flex items-baseline gap-2 px-5 py-4">
        <span
          className="text-3xl font-semibold tabular-nums"
          data-testid="segment-count"
          aria-live="polite"
        >
          {count === null ? "—" : formatNumber(count, locale)}
        </span>
        <span className="text-sm text-slate-500">
          {state === "error"
            ? t("fixErrors")
            : state === "loading"
              ? t("counting")
              : state === "updating"
                ? t("updating")
                : t("contacts", { count: count ?? 0 })}
        </span>
      </div>
      {sample.length ? (
        <Table>
          <thead>
            <tr>
              <Th>{t("userId")}</Th>
              <Th>{tc("email")}</Th>
              <Th>{t("country")}</Th>
              {attributeKeys.map((k) => (
                <Th key={k}>{k}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((c) => (
              <tr key={c.id}>
                <Td className="whitespace-nowrap font-mono text-xs">
                  {c.userId ?? <span className="text-slate-400">{t("anonymous")}</span>}
                </Td>
                <Td className="text-slate-600">{c.email ?? "—"}</Td>
                <Td className="text-slate-600">{c.country ?? "—"}</Td>
                {attributeKeys.map((k) => (
                  <Td key={k} className="text-slate-600">
                    {show(c.attributes[k])}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : count === 0 ? (
        <p className="px-5 pb-5 text-sm text-slate-500">{t("none")}</p>
      ) : null}
    </Card>
  );
}
