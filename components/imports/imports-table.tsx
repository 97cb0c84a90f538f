import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { listImports } from "@/db/queries/contact-imports";
import { formatBytes, formatCount } from "./format";
import { ImportStatusBadge } from "./import-status-badge";

type TRow = Awaited<ReturnType<typeof listImports>>[number];

/** The import history (a server component: dates are formatted in the workspace's time zone). */
export function ImportsTable({
  slug,
  imports,
  timeZone,
}: {
  slug: string;
  imports: TRow[];
  timeZone: string;
}) {
  const when = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  if (!imports.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">No imports yet.</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>File</Th>
          <Th>Status</Th>
          <Th className="text-right">Rows</Th>
          <Th className="text-right">Imported</Th>
          <Th className="text-right">Failed</Th>
          <Th>Uploaded</Th>
        </tr>
      </thead>
      <tbody>
        {imports.map((i) => (
          <tr key={i.id} data-testid={`import-${i.id}`}>
            <Td>
              <Link
                href={`/w/${slug}/contacts/imports/${i.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {i.fileName}
              </Link>
              <span className="block text-xs text-slate-500">{formatBytes(i.fileBytes)}</span>
            </Td>
            <Td>
              <ImportStatusBadge status={i.status} />
            </Td>
            <Td className="text-right tabular-nums">{formatCount(i.totalRows)}</Td>
            <Td className="text-right tabular-nums">
              {i.status === "completed" || i.importedRows ? formatCount(i.importedRows) : "—"}
            </Td>
            <Td className="text-right tabular-nums">
              {i.status === "completed" || i.failedRows ? formatCount(i.failedRows) : "—"}
            </Td>
            <Td className="text-slate-600">
              {when.format(i.createdAt)}
              {i.createdByName ? <span className="block text-xs">by {i.createdByName}</span> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
