import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { listImports } from "@/db/queries/contact-imports";
import { formatDateTime } from "@/lib/format/dates";
import { formatNumber } from "@/lib/format/numbers";
import { formatBytes } from "./format";
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
  const t = useTranslations("imports.list");
  const tc = useTranslations("common");
  const locale = useLocale();
  const formatCount = (n: number) => formatNumber(n, locale);
  if (!imports.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">{t("empty")}</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("file")}</Th>
          <Th>{tc("status")}</Th>
          <Th className="text-right">{t("rows")}</Th>
          <Th className="text-right">{t("imported")}</Th>
          <Th className="text-right">{t("failed")}</Th>
          <Th>{t("uploaded")}</Th>
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
              {formatDateTime(new Date(i.createdAt), timeZone, locale)}
              {i.createdByName ? (
                <span className="block text-xs">{t("by", { name: i.createdByName })}</span>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
