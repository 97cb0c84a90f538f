"use client";
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
  const issue = (i: number) => local.get(i) ?? server.get(i);
  // Straight to the progress view: the page's own refresh follows, but needs the server's turn.
  if (start.data) return <ImportProgress slug={slug} initial={start.data.import} />;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Map columns"
          description="Choose what each column of the file becomes. One column must be the User ID: rows with a known User ID update that contact, others create one. Empty cells leave existing values as they are."
        />
        <Table aria-label="Column mapping">
          <thead>
            <tr>
              <Th>Column</Th>
              <Th>Examples</Th>
              <Th>Import as</Th>
              <Th>Details</Th>
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
        <CardHeader
          title="Preview"
          description="The first rows as they will be imported. Cells in red are rejected; their rows are skipped and listed in a downloadable error report."
        />
        <MappingPreview slug={slug} importId={importId} header={header} columns={columns} />
      </Card>

      <div className="flex items-center gap-4">
        <Button
          onClick={() => start.mutate({ columns })}
          disabled={!check.success || start.isPending}
          data-mutates
        >
          {start.isPending ? "Starting…" : "Start import"}
        </Button>
        {(issue(-1) ?? start.formError) ? (
          <ErrorAlert>{issue(-1) ?? start.formError}</ErrorAlert>
        ) : (
          <p className="text-sm text-slate-500">
            The whole file is checked first; nothing is imported if it turns out to be broken.
          </p>
        )}
      </div>
    </div>
  );
}
