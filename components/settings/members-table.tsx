"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { NativeSelect } from "@/components/ui/input";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ROLES, type TRole } from "@/lib/auth/roles";

type Member = { userId: string; name: string; email: string; role: TRole; joinedAt: Date };

export function MembersTable(props: {
  slug: string;
  members: Member[];
  currentUserId: string;
  editable: boolean;
}) {
  const [removeError, setRemoveError] = useState<string | null>(null);
  const change = useApiMutation((v: { userId: string; role: TRole }) => ({
    url: `/api/w/${props.slug}/members/${v.userId}`,
    method: "PATCH",
    body: { role: v.role },
  }));
  return (
    <ListTable
      columns={["Name", "Email", "Role"]}
      actions={props.editable}
      error={change.error?.message ?? removeError}
    >
      {props.members.map((m) => (
        <tr key={m.userId} data-testid={`member-${m.email}`}>
          <Td className="font-medium">
            {m.name} {m.userId === props.currentUserId ? <Badge tone="brand">you</Badge> : null}
          </Td>
          <Td className="text-slate-600">{m.email}</Td>
          <Td>
            {props.editable ? (
              <NativeSelect
                aria-label={`Role of ${m.email}`}
                className="w-36"
                value={m.role}
                disabled={change.isPending}
                onChange={(e) => change.mutate({ userId: m.userId, role: e.target.value as TRole })}
                data-mutates
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </NativeSelect>
            ) : (
              <Badge className="capitalize">{m.role}</Badge>
            )}
          </Td>
          {props.editable ? (
            <Td className="text-right">
              <ConfirmDeleteButton
                request={{ url: `/api/w/${props.slug}/members/${m.userId}` }}
                question={`Remove ${m.email} from this workspace?`}
                onResult={setRemoveError}
                danger={false}
              >
                Remove
              </ConfirmDeleteButton>
            </Td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
