import { useTranslations } from "next-intl";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";

export type TAuditRow = { id: string; when: string; who: string; what: string };

/** Security-relevant changes to the workspace's settings, newest first (admins only). */
export function AuditLogTable({ rows }: { rows: TAuditRow[] }) {
  const t = useTranslations("settings.audit");
  if (!rows.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ListTable columns={[t("when"), t("who"), t("what")]} actions={false}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="audit-entry">
          <Td className="whitespace-nowrap text-slate-600">{r.when}</Td>
          <Td>{r.who}</Td>
          <Td>{r.what}</Td>
        </tr>
      ))}
    </ListTable>
  );
}
