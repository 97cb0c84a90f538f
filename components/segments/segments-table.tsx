"use client";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { RenameSegment } from "./rename-segment";

export type TSegmentRow = {
  id: string;
  name: string;
  description: string;
  type: "dynamic" | "static";
  size: number | null;
  updatedAt: Date | string;
  createdByName: string | null;
};

/** Every segment with its size; marketers also get duplicate, rename, snapshot and delete. */
export function SegmentsTable({
  slug,
  rows,
  editable,
}: {
  slug: string;
  rows: TSegmentRow[];
  editable: boolean;
}) {
  const t = useTranslations("segments.list");
  const tc = useTranslations("common");
  const locale = useLocale();
  const errorText = useApiErrorText();
  const [error, setError] = useState<string | null>(null);
  const onError = {
    onError: (e: Error) => setError(errorText(e)),
    onSuccess: () => setError(null),
  };
  const duplicate = useApiMutation((id: string) => ({
    url: `/api/w/${slug}/segments/${id}/duplicate`,
    method: "POST",
    body: {},
  }));
  const freeze = useApiMutation((id: string) => ({
    url: `/api/w/${slug}/segments/${id}/freeze`,
    method: "POST",
    body: {},
  }));
  if (!rows.length)
    return (
      <p className="px-5 py-10 text-center text-sm text-slate-500">
        {editable ? t("emptyEditable") : t("empty")}
      </p>
    );
  return (
    <ListTable
      columns={[
        tc("name"),
        t("type"),
        { label: t("contacts"), className: "text-right" },
        tc("updated"),
      ]}
      actions={editable}
      error={error}
    >
      {rows.map((s) => (
        <tr key={s.id} data-testid={`segment-row-${s.name}`}>
          <Td>
            <Link
              href={`/w/${slug}/segments/${s.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {s.name}
            </Link>
            {s.description ? (
              <span className="block text-xs text-slate-500">{s.description}</span>
            ) : null}
          </Td>
          <Td>
            {s.type === "dynamic" ? (
              <Badge tone="brand">{t("dynamic")}</Badge>
            ) : (
              <Badge>{t("static")}</Badge>
            )}
          </Td>
          <Td className="text-right tabular-nums" data-testid="segment-size">
            {s.size === null ? "—" : s.size.toLocaleString(locale)}
          </Td>
          <Td className="text-slate-600">
            {new Date(s.updatedAt).toLocaleString(locale)}
            {s.createdByName ? (
              <span className="block text-xs">{t("by", { name: s.createdByName })}</span>
            ) : null}
          </Td>
          {editable ? (
            <Td className="whitespace-nowrap text-right">
              <Button
                variant="ghost"
                size="sm"
                onClick={() => duplicate.mutate(s.id, onError)}
                disabled={duplicate.isPending}
                data-mutates
              >
                {t("duplicate")}
              </Button>
              {s.type === "dynamic" ? (
                <Button
                  variant="ghost"
                  size="sm"
                  title={t("snapshotHint")}
                  onClick={() => freeze.mutate(s.id, onError)}
                  disabled={freeze.isPending}
                  data-mutates
                >
                  {t("snapshot")}
                </Button>
              ) : null}
              <RenameSegment slug={slug} id={s.id} name={s.name} />
              <ConfirmDeleteButton
                request={{ url: `/api/w/${slug}/segments/${s.id}` }}
                question={t("confirmDelete", { name: s.name })}
                onResult={setError}
              />
            </Td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
