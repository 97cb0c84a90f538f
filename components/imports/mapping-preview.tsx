"use client";
import { useTranslations } from "next-intl";
import { useDebounced } from "@/components/app/use-debounced";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AlertCircle, CheckCircle2 } from "lucide-react";
import { Table, Td, Th } from "@/components/ui/table";
import { apiFetch } from "@/lib/http/api-fetch";
import type { TColumnTarget } from "@/lib/imports/mapping";
import type { TPreviewRow } from "@/lib/imports/preview-import";
import { useTargetLabel } from "./use-import-labels";

/** The first rows as the import will store them, checked on the server by the import's own code. */
export function MappingPreview({
  slug,
  importId,
  header,
  columns,
}: {
  slug: string;
  importId: string;
  header: string[];
  columns: TColumnTarget[];
}) {
  const t = useTranslations("imports.preview");
  const targetLabel = useTargetLabel();
  const settled = useDebounced(columns, 300);
  const preview = useQuery({
    queryKey: ["import-preview", importId, settled],
    queryFn: () =>
      apiFetch<{ rows: TPreviewRow[] }>(
        `/api/w/${slug}/contacts/imports/${importId}/preview?columns=${encodeURIComponent(JSON.stringify(settled))}`,
        { method: "GET" },
      ),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const shown = columns.flatMap((t, i) => (t.kind === "ignore" ? [] : [i]));
  const rows = preview.data?.rows ?? [];
  const bad = rows.filter((r) => !r.ok).length;
  return (
    <div>
      <p
        className="flex items-center gap-2 px-5 py-3 text-sm text-slate-600"
        data-testid="preview-summary"
      >
        {rows.length === 0 ? (
          preview.isError ? (
            t("finishMapping")
          ) : (
            t("loading")
          )
        ) : bad ? (
          <>
            <AlertCircle className="size-4 text-amber-600" aria-hidden="true" />
            {t("problems", { bad, count: rows.length })}
          </>
        ) : (
          <>
            <CheckCircle2 className="size-4 text-emerald-600" aria-hidden="true" />
            {t("allValid", { count: rows.length })}
          </>
        )}
      </p>
      <Table aria-label={t("tableLabel")}>
        <thead>
          <tr>
            <Th className="w-12">{t("row")}</Th>
            {shown.map((i) => (
              <Th key={i} className="whitespace-nowrap normal-case tracking-normal">
                <span className="block text-slate-800">{targetLabel(columns[i]!)}</span>
                <span className="block font-mono text-[11px] font-normal text-slate-400">
                  {header[i]}
                </span>
              </Th>
            ))}
          </tr>
        </thead>
        <tbody className={preview.isFetching ? "opacity-70" : undefined}>
          {rows.map((r) => (
            <tr key={r.row} data-testid={`preview-row-${r.row}`} data-ok={r.ok}>
              <Td className="tabular-nums text-slate-500">{r.row}</Td>
              {shown.map((i) => {
                const cell = r.cells[i];
                if (!cell) return <Td key={i} />;
                return cell.error ? (
                  <Td key={i} className="bg-red-50 text-red-800" title={cell.error} data-invalid>
                    <span className="block whitespace-nowrap">{cell.raw || t("empty")}</span>
                    <span className="block text-xs">{cell.error}</span>
                  </Td>
                ) : (
                  <Td key={i} className="whitespace-nowrap">
                    {cell.value}
                  </Td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
