"use client";
import { useTranslations } from "next-intl";
import { SelectField } from "../form-controls";
import { fieldId, type TBlockFormProps } from "./block-form-props";

/** Two or three columns; going down to two drops the third column's blocks. */
export function ColumnsForm({ block: b, onPatch }: TBlockFormProps<"columns">) {
  const t = useTranslations("templates.blocks");
  return (
    <SelectField
      id={fieldId(b, "count")}
      label={t("columns.count")}
      value={b.columns.length}
      options={[2, 3].map((count) => ({ value: count, label: t("columnsCount", { count }) }))}
      onChange={(n) =>
        onPatch({
          columns: n > b.columns.length ? [...b.columns, { blocks: [] }] : b.columns.slice(0, n),
        })
      }
    />
  );
}
