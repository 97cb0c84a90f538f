import { useTranslations } from "next-intl";
import type * as React from "react";
import { ErrorAlert } from "./error-alert";
import { Table, Th } from "./table";

export type TColumn = string | { label: string; className?: string };

/**
 * A list page's table: the outcome of the last row action above it (ErrorAlert, hidden when
 * there is none), the column headings, and an Actions column for those who may act. The rows are
 * the children, each ending with its actions cell when `actions` is set.
 */
export function ListTable({
  columns,
  actions,
  error,
  children,
}: {
  columns: TColumn[];
  actions: boolean;
  error?: string | null;
  children: React.ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <>
      <ErrorAlert variant="box" className="mx-5 mt-4">
        {error}
      </ErrorAlert>
      <Table>
        <thead>
          <tr>
            {columns.map((c) => {
              const { label, className } = typeof c === "string" ? { label: c } : c;
              return (
                <Th key={label} className={className}>
                  {label}
                </Th>
              );
            })}
            {actions ? <Th className="text-right">{t("actions")}</Th> : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </Table>
    </>
  );
}
