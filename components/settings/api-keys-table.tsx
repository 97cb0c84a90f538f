"use client";
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

const when = (d: Date | null) => (d ? new Date(d).toLocaleString() : "Never");

export function ApiKeysTable({
  slug,
  keys,
  editable,
}: {
  slug: string;
  keys: Key[];
  editable: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  if (!keys.length)
    return <p className="px-5 py-8 text-center text-sm text-slate-500">No API keys yet.</p>;
  return (
    <ListTable
      columns={["Name", "Key", "Kind and scopes", "Created", "Last used", "Status"]}
      actions={editable}
      error={error}
    >
      {keys.map((k) => (
        <tr key={k.id} data-testid={`api-key-${k.name}`}>
          <Td className="font-medium">{k.name}</Td>
          <Td className="font-mono text-xs text-slate-600">{k.prefix}…</Td>
          <Td data-testid="key-kind">
            {k.kind === "public" ? (
              <Badge tone="brand">public write</Badge>
            ) : (
              <>
                <Badge tone="amber">secret</Badge>
                <span className="mt-1 block font-mono text-xs text-slate-600">
                  {k.scopes.join(", ")}
                </span>
              </>
            )}
          </Td>
          <Td className="text-slate-600">
            {when(k.createdAt)}
            {k.createdByName ? <span className="block text-xs">by {k.createdByName}</span> : null}
          </Td>
          <Td className="text-slate-600" data-testid="last-used">
            {when(k.lastUsedAt)}
          </Td>
          <Td>
            {k.revokedAt ? <Badge tone="red">revoked</Badge> : <Badge tone="green">active</Badge>}
          </Td>
          {editable ? (
            <Td className="text-right">
              {k.revokedAt ? null : (
                <ConfirmDeleteButton
                  request={{ url: `/api/w/${slug}/api-keys/${k.id}` }}
                  question={`Revoke "${k.name}"? Apps using it will get 401 at once.`}
                  onResult={setError}
                  danger={false}
                >
                  Revoke
                </ConfirmDeleteButton>
              )}
            </Td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
