"use client";
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
  const [revokeError, setRevokeError] = useState<string | null>(null);
  return (
    <ListTable columns={["Email", "Role", "Status", "Expires"]} actions error={revokeError}>
      {invites.map((i) => (
        <tr key={i.id}>
          <Td>{i.email}</Td>
          <Td className="capitalize">{i.role}</Td>
          <Td>
            <Badge tone={TONE[i.status]}>{i.status}</Badge>
          </Td>
          <Td className="text-slate-600">{new Date(i.expiresAt).toLocaleDateString()}</Td>
          <Td className="text-right">
            {i.status === "pending" ? (
              <ConfirmDeleteButton
                request={{ url: `/api/w/${slug}/invites/${i.id}` }}
                question={`Revoke the invite to ${i.email}? Its link stops working.`}
                onResult={setRevokeError}
                danger={false}
              >
                Revoke
              </ConfirmDeleteButton>
            ) : null}
          </Td>
        </tr>
      ))}
    </ListTable>
  );
}
