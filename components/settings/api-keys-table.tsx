"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";

type Key = {
  id: string;
  name: string;
  prefix: string;
  kind: "public" | "secret";
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdByName: string | null;
};

export function ApiKeysTable({
  slug,
  keys,
  editable,
}: {
  slug: string;
  keys: Key[];
  editable: boolean;
}) {
  const t = useTranslations("settings.apiKeys");
  const tc = useTranslations("common");
  const locale = useLocale();
  const when = (d: Date | null) => (d ? new Date(d).toLocaleString(locale) : tc("never"));
  const [error, setError] = useState<string | null>(null);
  if (!keys.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ListTable
      columns={[
        tc("name"),
        t("key"),
        t("kindAndScopes"),
        tc("created"),
        t("lastUsed"),
        tc("status"),
      ]}
      actions={editable}
      error={error}
    >
      {keys.map((k) => (
        <tr key={k.id} data-testid={`api-key-${k.name}`}>
          <Td className="font-medium">{k.name}</Td>
          <Td className="font-mono text-xs text-slate-600">{k.prefix}…</Td>
          <Td data-testid="key-kind">
            {k.kind === "public" ? (
              <Badge tone="brand">{t("publicWrite")}</Badge>
            ) : (
              <>
                <Badge tone="amber">{t("secret")}</Badge>
                <span className="mt-1 block font-mono text-xs text-slate-600">
                  {k.scopes.join(", ")}
                </span>
              </>
            )}
          </Td>
          <Td className="text-slate-600">
            {when(k.createdAt)}
            {k.createdByName ? (
              <span className="block text-xs">{t("by", { name: k.createdByName })}</span>
            ) : null}
          </Td>
          <Td className="text-slate-600" data-testid="last-used">
            {when(k.lastUsedAt)}
          </Td>
          <Td>
            {k.revokedAt ? (
              <Badge tone="red">{t("revoked")}</Badge>
            ) : (
              <Badge tone="green">{t("active")}</Badge>
            )}
          </Td>
          {editable ? (
            <Td className="text-right">
              {k.revokedAt ? null : (
                <ConfirmDeleteButton
                  request={{ url: `/api/w/${slug}/api-keys/${k.id}` }}
                  question={t("confirmRevoke", { name: k.name })}
                  onResult={setError}
                  danger={false}
                >
                  {t("revoke")}
                </ConfirmDeleteButton>
              )}
            </Td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
