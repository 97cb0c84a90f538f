"use client";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/dates";
import type { TJourneyStatus } from "../editor/journey-api";
import { JourneyStatusBadge } from "./journey-status-badge";

export type TJourneyRow = {
  id: string;
  name: string;
  status: TJourneyStatus;
  liveVersion: number | null;
  updatedAt: Date | string;
  hasDraftChanges: boolean;
};

/** Every journey with its status and live version; marketers can delete those not live. */
export function JourneysTable({
  slug,
  rows,
  editable,
  timeZone,
}: {
  slug: string;
  timeZone: string;
  rows: TJourneyRow[];
  editable: boolean;
}) {
  const t = useTranslations("journeys.list");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  if (!rows.length)
    return (
      <p className="px-5 py-10 text-center text-sm text-slate-500">
        {editable ? t("emptyEditable") : t("empty")}
      </p>
    );
  return (
    <ListTable
      columns={[tc("name"), tc("status"), t("liveVersion"), tc("updated")]}
      actions={editable}
      error={error}
    >
      {rows.map((j) => (
        <tr key={j.id} data-testid={`journey-row-${j.name}`}>
          <Td>
            <Link
              href={`/w/${slug}/journeys/${j.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {j.name}
            </Link>
          </Td>
          <Td>
            <JourneyStatusBadge status={j.status} />
          </Td>
          <Td className="text-slate-600" data-testid="journey-live-version">
            {j.liveVersion ? `v${j.liveVersion}` : "—"}
            {j.liveVersion && j.hasDraftChanges ? (
              <span className="block text-xs text-amber-700">{t("unpublishedChanges")}</span>
            ) : null}
          </Td>
          <Td className="text-slate-600">
            {formatDateTime(new Date(j.updatedAt), timeZone, locale)}
          </Td>
          {editable ? (
            <Td className="text-right">
              {j.status !== "live" && j.status !== "paused" ? (
                <ConfirmDeleteButton
                  request={{ url: `/api/w/${slug}/journeys/${j.id}` }}
                  question={t("confirmDelete", { name: j.name })}
                  onResult={setError}
                />
              ) : null}
            </Td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
