"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { NativeSelect } from "@/components/ui/input";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ROLES, type TRole } from "@/lib/auth/roles";

type Member = { userId: string; name: string; email: string; role: TRole; joinedAt: Date };

export function MembersTable(props: {
  slug: string;
  members: Member[];
  currentUserId: string;
  editable: boolean;
}) {
  const t = useTranslations("settings.members");
  const tr = useTranslations("roles");
  const tc = useTranslations("common");
  const errorText = useApiErrorText();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const change = useApiMutation((v: { userId: string; role: TRole }) => ({
    url: `/api/w/${props.slug}/members/${v.userId}`,
    method: "PATCH",
    body: { role: v.role },
  }));
  return (
    <ListTable
      columns={[tc("name"), tc("email"), t("role")]}
      actions={props.editable}
      error={change.error ? errorText(change.error) : removeError}
    >
      {props.members.map((m) => (
        <tr key={m.userId} data-testid={`member-${m.email}`}>
          <Td className="font-medium">
            {m.name}{" "}
            {m.userId === props.currentUserId ? <Badge tone="brand">{t("you")}</Badge> : null}
          </Td>
          <Td className="text-slate-600">{m.email}</Td>
          <Td>
            {props.editable ? (
              <NativeSelect
                aria-label={t("roleOf", { email: m.email })}
                className="w-36"
                value={m.role}
                disabled={change.isPending}
                onChange={(e) => change.mutate({ userId: m.userId, role: e.target.value as TRole })}
                data-mutates
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {tr(r)}
                  </option>
                ))}
              </NativeSelect>
            ) : (
              <Badge>{tr(m.role)}</Badge>
            )}
          </Td>
          {props.editable ? (
            <Td className="text-right">
              <ConfirmDeleteButton
                request={{ url: `/api/w/${props.slug}/members/${m.userId}` }}
                question={t("confirmRemove", { email: m.email })}
                onResult={setRemoveError}
                danger={false}
              >
                {t("remove")}
              </ConfirmDeleteButton>
            </Td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
