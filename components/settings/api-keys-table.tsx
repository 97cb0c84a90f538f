"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { Table, Td, Th } from "@/components/ui/table";
import { ErrorAlert } from "@/components/ui/error-alert";

type Key = {
  id: string;
  name: string;
  prefix: string;
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
    <>
      <ErrorAlert variant="box" className="mx-5 mt-4">
        {error}
      </ErrorAlert>
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Key</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th>Status</Th>
            {editable ? <Th className="text-right">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-testid={`api-key-${k.name}`}>
              <Td className="font-medium">{k.name}</Td>
              <Td className="font-mono text-xs text-slate-600">{k.prefix}…</Td>
              <Td className="text-slate-600">
                {when(k.createdAt)}
                {k.createdByName ? (
                  <span className="block text-xs">by {k.createdByName}</span>
                ) : null}
              </Td>
              <Td className="text-slate-600" data-testid="last-used">
                {when(k.lastUsedAt)}
              </Td>
              <Td>
                {k.revokedAt ? (
                  <Badge tone="red">revoked</Badge>
                ) : (
                  <Badge tone="green">active</Badge>
                )}
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
        </tbody>
      </Table>
    </>
  );
}
