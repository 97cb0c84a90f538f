"use client";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/dates";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";
import type { TSendChannel } from "@/lib/channels/types";
import { ChannelBadge } from "@/components/ui/channel-badge";

export type TTemplateRow = {
  id: string;
  name: string;
  channel: TSendChannel;
  publishedVersion: number;
  changed: boolean;
  updatedAt: Date | string;
};

/** Every template with its live version; marketers may delete one no journey or campaign uses. */
export function TemplatesTable({
  slug,
  rows,
  editable,
  timeZone,
}: {
  slug: string;
  timeZone: string;
  rows: TTemplateRow[];
  editable: boolean;
}) {
  const tt = useTranslations("templates.list");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  if (!rows.length)
    return (
      <p className="px-5 py-10 text-center text-sm text-slate-500">
        {editable ? tt("emptyEditable") : tt("empty")}
      </p>
    );
  return (
    <ListTable
      columns={[tc("name"), tc("channel"), tt("version"), tc("updated")]}
      actions={editable}
      error={error}
    >
      {rows.map((t) => (
        <tr key={t.id} data-testid={`template-row-${t.name}`}>
          <Td>
            <Link
              href={`/w/${slug}/templates/${t.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t.name}
            </Link>
          </Td>
          <Td>
            <ChannelBadge channel={t.channel} />
          </Td>
          <Td className="space-x-1 whitespace-nowrap">
            {t.publishedVersion > 0 ? (
              <Badge tone="green">v{t.publishedVersion}</Badge>
            ) : (
              <Badge>{tt("draft")}</Badge>
            )}
            {t.publishedVersion > 0 && t.changed ? (
              <Badge tone="amber">{tt("unpublishedChanges")}</Badge>
            ) : null}
          </Td>
          <Td className="text-slate-600">
            {formatDateTime(new Date(t.updatedAt), timeZone, locale)}
          </Td>
          {editable ? (
            <Td className="text-right">
              <ConfirmDeleteButton
                request={{ url: `/api/w/${slug}/templates/${t.id}` }}
                question={tt("confirmDelete", { name: t.name })}
                onResult={setError}
              />
            </Td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
