"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { useApiMutation } from "@/components/app/use-api-mutation";
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

export function InvitesTable({ slug, invites }: { slug: string; invites: Invite[] }) {
  const revoke = useApiMutation((id: string) => ({
    url: `/api/w/${slug}/invites/${id}`,
    method: "DELETE",
  }));
  return (
    <Table>
      <thead>
        <tr>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Expires</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody>
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
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => revoke.mutate(i.id)}
                  disabled={revoke.isPending}
                  data-mutates
                >
                  Revoke
                </Button>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
