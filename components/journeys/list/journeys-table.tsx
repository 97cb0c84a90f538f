"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { useApiMutation } from "@/components/app/use-api-mutation";
import type { TJourneyStatus } from "../editor/journey-api";
import { JourneyStatusBadge } from "./journey-status-badge";

export type TJourneyRow = {
  id: string;
  name: string;
  status: TJourneyStatus;
  liveVersion: number | null;
  updatedAt: Date | string;
  hasDraftChanges: boolean;
};

/** Every journey with its status and live version; marketers can delete those not live. */
export function JourneysTable({
  slug,
  rows,
  editable,
}: {
  slug: string;
  rows: TJourneyRow[];
  editable: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const remove = useApiMutation((id: string) => ({
    url: `/api/w/${slug}/journeys/${id}`,
    method: "DELETE",
  }));
  if (!rows.length)
    return (
      <p className="px-5 py-10 text-center text-sm text-slate-500">
        No journeys yet.{editable ? " Create one and draw it on the canvas." : ""}
      </p>
    );
  return (
    <>
      {error ? (
        <p role="alert" className="mx-5 mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Status</Th>
            <Th>Live version</Th>
            <Th>Updated</Th>
            {editable ? <Th className="text-right">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((j) => (
            <tr key={j.id} data-testid={`journey-row-${j.name}`}>
              <Td>
                <Link
                  href={`/w/${slug}/journeys/${j.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {j.name}
                </Link>
              </Td>
              <Td>
                <JourneyStatusBadge status={j.status} />
              </Td>
              <Td className="text-slate-600" data-testid="journey-live-version">
                {j.liveVersion ? `v${j.liveVersion}` : "—"}
                {j.liveVersion && j.hasDraftChanges ? (
                  <span className="block text-xs text-amber-700">unpublished changes</span>
                ) : null}
              </Td>
              <Td className="text-slate-600">{new Date(j.updatedAt).toLocaleString()}</Td>
              {editable ? (
                <Td className="text-right">
                  {j.status !== "live" && j.status !== "paused" ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-600"
                      data-mutates
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(`Delete the journey "${j.name}"?`))
                          remove.mutate(j.id, {
                            onError: (e) => setError(e.message),
                            onSuccess: () => setError(null),
                          });
                      }}
                    >
                      Delete
                    </Button>
                  ) : null}
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
