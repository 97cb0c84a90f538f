"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { FilterBar } from "@/components/ui/filter-bar";
import { Input, NativeSelect } from "@/components/ui/input";
import { formatNumber } from "@/lib/format/numbers";

type TImportResult = {
  imported: number;
  errorCount: number;
  errors: { row: number; message: string }[];
};

/** Search (in the URL), add one address, import a CSV, export the list. */
export function SuppressionTools({ slug, q }: { slug: string; q: string }) {
  const t = useTranslations("settings.suppression");
  const tc = useTranslations("common");
  const tch = useTranslations("channels");
  const locale = useLocale();
  const add = useApiMutation((body: { channel: string; address: string }) => ({
    url: `/api/w/${slug}/suppressions`,
    method: "POST",
    body,
  }));
  const importCsv = useApiMutation<{ csv: string }, TImportResult>((body) => ({
    url: `/api/w/${slug}/suppressions/import`,
    method: "POST",
    body,
  }));
  const [imported, setImported] = useState<TImportResult | null>(null);
  return (
    <div className="space-y-3 border-b border-slate-200 px-5 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <FilterBar
          value={{ q }}
          basePath={`/w/${slug}/settings/suppression`}
          search={{ label: t("searchLabel"), placeholder: t("searchPlaceholder") }}
          className="min-w-80 flex-1"
        />
        <div className="ml-auto flex gap-2 self-start">
          <label className="inline-flex h-9 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50">
            {t("importCsv")}
            <input
              type="file"
              accept=".csv,text/csv"
              className="sr-only"
              aria-label={t("importLabel")}
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = "";
                if (!file) return;
                importCsv.mutate({ csv: await file.text() }, { onSuccess: setImported });
              }}
            />
          </label>
          <Button asChild variant="outline">
            <a href={`/api/w/${slug}/suppressions/export.csv`} download>
              {t("exportCsv")}
            </a>
          </Button>
        </div>
      </div>
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const form = e.currentTarget;
          add.mutate(
            { channel: String(f.get("channel")), address: String(f.get("address") ?? "") },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <NativeSelect name="channel" aria-label={tc("channel")} className="w-28">
          <option value="email">{tch("email")}</option>
          <option value="sms">{tch("sms")}</option>
          <option value="voice">{tch("voice")}</option>
        </NativeSelect>
        <Input
          name="address"
          placeholder={t("addressPlaceholder")}
          aria-label={t("addressLabel")}
          className="w-72"
        />
        <Button type="submit" variant="outline" disabled={add.isPending}>
          {t("suppress")}
        </Button>
        <ErrorAlert>{add.fieldError("address") ?? add.formError}</ErrorAlert>
      </form>
      <ErrorAlert>{importCsv.fieldError("csv") ?? importCsv.formError}</ErrorAlert>
      {imported ? (
        <p className="text-sm text-slate-600" role="status">
          {imported.errorCount
            ? t("importedRefused", {
                count: imported.imported,
                n: formatNumber(imported.imported, locale),
                refused: imported.errorCount,
                errors: imported.errors
                  .slice(0, 3)
                  .map((e) => t("rowError", { row: e.row, message: e.message }))
                  .join("; "),
              })
            : t("imported", {
                count: imported.imported,
                n: formatNumber(imported.imported, locale),
              })}
        </p>
      ) : null}
    </div>
  );
}
