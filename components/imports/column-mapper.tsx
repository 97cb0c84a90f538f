"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { ZMapping, type TColumnTarget } from "@/lib/imports/mapping";
import type { TImportView } from "@/lib/imports/import-view";
import { ColumnTargetPicker } from "./column-target-picker";
import { ImportProgress } from "./import-progress";
import { MappingPreview } from "./mapping-preview";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useMappingIssueText } from "./use-import-labels";

/** Issues keyed by column index (-1: the mapping as a whole), from zod paths like `columns.3.name`. */
function byColumn(fields: Record<string, string>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [path, message] of Object.entries(fields)) {
    const m = /(?:^|\.)columns(?:\.(\d+))?/.exec(path);
    const i = m?.[1] === undefined ? -1 : Number(m[1]);
    if (!out.has(i)) out.set(i, message);
  }
  return out;
}

export function ColumnMapper(props: {
  slug: string;
  importId: string;
  header: string[];
  samples: string[][];
  initial: TColumnTarget[];
}) {
  const { slug, importId, header, samples, initial } = props;
  const t = useTranslations("imports.mapper");
  const issueText = useMappingIssueText();
  const [columns, setColumns] = useState(initial);
  const start = useApiMutation<{ columns: TColumnTarget[] }, { import: TImportView }>(
    (mapping) => ({
      url: `/api/w/${slug}/contacts/imports/${importId}/start`,
      method: "POST",
      body: { mapping },
    }),
  );
  const check = ZMapping.safeParse({ columns });
  const local = check.success
    ? new Map<number, string>()
    : byColumn(Object.fromEntries(check.error.issues.map((i) => [i.path.join("."), i.message])));
  const server = byColumn(start.error?.fields ?? {});
  const issue = (i: number) => issueText(local.get(i) ?? server.get(i));
  // Straight to the progress view: the page's own refresh follows, but needs the server's turn.
  if (start.data) return <ImportProgress slug={slug} initial={start.data.import} />;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("title")} description={t("description")} />
        <Table aria-label={t("tableLabel")}>
          <thead>
            <tr>
              <Th>{t("column")}</Th>
              <Th>{t("examples")}</Th>
              <Th>{t("importAs")}</Th>
              <Th>{t("details")}</Th>
            </tr>
          </thead>
          <tbody>
            {header.map((h, i) => (
              <ColumnTargetPicker
                key={i}
                index={i}
                header={h}
                samples={samples.map((r) => r[i] ?? "")}
                target={columns[i]!}
                error={issue(i)}
                onChange={(t) => setColumns((cs) => cs.map((c, j) => (j === i ? t : c)))}
              />
            ))}
          </tbody>
        </Table>
      </Card>

      <Card>
        <CardHeader title={t("previewTitle")} description={t("previewDescription")} />
        <MappingPreview slug={slug} importId={importId} header={header} columns={columns} />
      </Card>

      <div className="flex items-center gap-4">
        <Button
          onClick={() => start.mutate({ columns })}
          disabled={!check.success || start.isPending}
          data-mutates
        >
          {start.isPending ? t("starting") : t("start")}
        </Button>
        {(issue(-1) ?? start.formError) ? (
          <ErrorAlert>{issue(-1) ?? start.formError}</ErrorAlert>
        ) : (
          <p className="text-sm text-slate-500">{t("checkedFirst")}</p>
        )}
      </div>
    </div>
  );
}
