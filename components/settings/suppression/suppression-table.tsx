"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";

export type TSuppressionRow = {
  id: string;
  channel: string;
  address: string;
  reason: string;
  reasonLabel: string;
  sourceLabel: string;
  createdAt: string;
  expiresAt: string | null;
  diagnostic: string | null;
};

const TONES: Record<string, "red" | "amber" | "neutral"> = {
  hard_bounce: "red",
  complaint: "red",
  blocked: "red",
  soft_bounce: "amber",
};

/** The suppression list, newest first; admins remove entries one by one. */
export function SuppressionTable({ slug, rows }: { slug: string; rows: TSuppressionRow[] }) {
  const t = useTranslations("settings.suppression");
  const tch = useTranslations("channels");
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  if (!rows.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ListTable
      columns={[t("address"), t("reason"), t("source"), t("since"), t("until")]}
      actions
      error={error}
    >
      {rows.map((s) => (
        <tr key={s.id} data-testid={`suppression-${s.address}`}>
          <Td>
            <span className="font-mono text-xs">{s.address}</span>
            <span className="block text-xs text-slate-500">
              {tch.has(s.channel as "email") ? tch(s.channel as "email") : s.channel}
            </span>
          </Td>
          <Td>
            <Badge tone={TONES[s.reason] ?? "neutral"}>{s.reasonLabel}</Badge>
            {s.diagnostic ? (
              <span
                className="mt-1 block max-w-xs truncate text-xs text-slate-500"
                title={s.diagnostic}
              >
                {s.diagnostic}
              </span>
            ) : null}
          </Td>
          <Td className="text-slate-600">{s.sourceLabel}</Td>
          <Td className="text-slate-600">{new Date(s.createdAt).toLocaleString(locale)}</Td>
          <Td className="text-slate-600">
            {s.expiresAt ? new Date(s.expiresAt).toLocaleString(locale) : t("untilRemoved")}
          </Td>
          <Td className="text-right">
            <ConfirmDeleteButton
              request={{ url: `/api/w/${slug}/suppressions/${s.id}` }}
              question={t("confirmRemove", { address: s.address })}
              onResult={setError}
              aria-label={t("removeAddress", { address: s.address })}
            >
              {t("remove")}
            </ConfirmDeleteButton>
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
