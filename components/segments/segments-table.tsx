"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ListTable } from "@/components/ui/list-table";
import { Td } from "@/components/ui/table";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { RenameSegment } from "./rename-segment";

export type TSegmentRow = {
  id: string;
  name: string;
  description: string;
  type: "dynamic" | "static";
  size: number | null;
  updatedAt: Date | string;
  createdByName: string | null;
};

/** Every segment with its size; marketers also get duplicate, rename, snapshot and delete. */
export function SegmentsTable({
  slug,
  rows,
  editable,
}: {
  slug: string;
  rows: TSegmentRow[];
  editable: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const onError = { onError: (e: Error) => setError(e.message), onSuccess: () => setError(null) };
  const duplicate = useApiMutation((id: string) => ({
    url: `/api/w/${slug}/segments/${id}/duplicate`,
    method: "POST",
    body: {},
  }));
  const freeze = useApiMutation((id: string) => ({
    url: `/api/w/${slug}/segments/${id}/freeze`,
    method: "POST",
    body: {},
  }));
  if (!rows.length)
    return (
      <p className="px-5 py-10 text-center text-sm text-slate-500">
        No segments yet.{editable ? " Create one to target journeys and campaigns." : ""}
      </p>
    );
  return (
    <ListTable
      columns={["Name", "Type", { label: "Contacts", className: "text-right" }, "Updated"]}
      actions={editable}
      error={error}
    >
      {rows.map((s) => (
        <tr key={s.id} data-testid={`segment-row-${s.name}`}>
          <Td>
            <Link
              href={`/w/${slug}/segments/${s.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {s.name}
            </Link>
            {s.description ? (
              <span className="block text-xs text-slate-500">{s.description}</span>
            ) : null}
          </Td>
          <Td>
            {s.type === "dynamic" ? <Badge tone="brand">dynamic</Badge> : <Badge>static</Badge>}
          </Td>
          <Td className="text-right tabular-nums" data-testid="segment-size">
            {s.size === null ? "—" : s.size.toLocaleString("en")}
          </Td>
          <Td className="text-slate-600">
            {new Date(s.updatedAt).toLocaleString()}
            {s.createdByName ? <span className="block text-xs">by {s.createdByName}</span> : null}
          </Td>
          {editable ? (
            <Td className="whitespace-nowrap text-right">
              <Button
                variant="ghost"
                size="sm"
                onClick={() => duplicate.mutate(s.id, onError)}
                disabled={duplicate.isPending}
                data-mutates
              >
                Duplicate
              </Button>
              {s.type === "dynamic" ? (
                <Button
                  variant="ghost"
                  size="sm"
                  title="Save who matches now as a static segment"
                  onClick={() => freeze.mutate(s.id, onError)}
                  disabled={freeze.isPending}
                  data-mutates
                >
                  Snapshot
                </Button>
              ) : null}
              <RenameSegment slug={slug} id={s.id} name={s.name} />
              <ConfirmDeleteButton
                request={{ url: `/api/w/${slug}/segments/${s.id}` }}
                question={`Delete the segment "${s.name}"?`}
                onResult={setError}
              />
            </Td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}
