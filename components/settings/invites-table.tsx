"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";
import type { TInviteStatus } from "@/lib/members/schemas";

type Invite = {
  id: string;
  email: string;
  role: string;
  status: TInviteStatus;
  expiresAt: Date;
  invitedByName: string | null;
};
const TONE = { pending: "amber", accepted: "green", expired: "neutral", revoked: "red" } as const;

/** Invites of the workspace; a pending one can be revoked (asked first, the outcome above the table). */
export function InvitesTable({ slug, invites }: { slug: string; invites: Invite[] }) {
  const t = useTranslations("settings.members");
  const tr = useTranslations("roles");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [revokeError, setRevokeError] = useState<string | null>(null);
  return (
    <ListTable
      columns={[tc("email"), t("role"), tc("status"), t("expires")]}
      actions
      error={revokeError}
    >
      {invites.map((i) => (
        <tr key={i.id}>
          <Td>{i.email}</Td>
          <Td>{tr.has(i.role as "admin") ? tr(i.role as "admin") : i.role}</Td>
          <Td>
            <Badge tone={TONE[i.status]}>{t(`inviteStatus.${i.status}`)}</Badge>
          </Td>
          <Td className="text-slate-600">{new Date(i.expiresAt).toLocaleDateString(locale)}</Td>
          <Td className="text-right">
            {i.status === "pending" ? (
              <ConfirmDeleteButton
                request={{ url: `/api/w/${slug}/invites/${i.id}` }}
                question={t("confirmRevoke", { email: i.email })}
                onResult={setRevokeError}
                danger={false}
              >
                {t("revoke")}
              </ConfirmDeleteButton>
            ) : null}
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
