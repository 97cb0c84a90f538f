"use client";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { useApiMutation } from "@/components/app/use-api-mutation";
import type { TSendChannel } from "@/lib/channels/types";
import { ChannelBadge } from "@/components/ui/channel-badge";

export type TTemplateRow = {
  id: string;
  name: string;
  channel: TSendChannel;
  publishedVersion: number;
  changed: boolean;
  updatedAt: Date | string;
};

/** Every template with its live version; marketers may delete one no journey or campaign uses. */
export function TemplatesTable({
  slug,
  rows,
  editable,
}: {
  slug: string;
  rows: TTemplateRow[];
  editable: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const remove = useApiMutation((id: string) => ({
    url: `/api/w/${slug}/templates/${id}`,
    method: "DELETE",
  }));
  if (!rows.length)
    return (
      <p className="px-5 py-10 text-center text-sm text-slate-500">
        No templates yet.{editable ? " Create one for your journeys and campaigns." : ""}
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
            <Th>Channel</Th>
            <Th>Version</Th>
            <Th>Updated</Th>
            {editable ? <Th className="text-right">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id} data-testid={`template-row-${t.name}`}>
              <Td>
                <Link
                  href={`/w/${slug}/templates/${t.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {t.name}
                </Link>
              </Td>
              <Td>
                <ChannelBadge channel={t.channel} />
              </Td>
              <Td className="space-x-1 whitespace-nowrap">
                {t.publishedVersion > 0 ? (
                  <Badge tone="green">v{t.publishedVersion}</Badge>
                ) : (
                  <Badge>Draft</Badge>
                )}
                {t.publishedVersion > 0 && t.changed ? (
                  <Badge tone="amber">unpublished changes</Badge>
                ) : null}
              </Td>
              <Td className="text-slate-600">{new Date(t.updatedAt).toLocaleString()}</Td>
              {editable ? (
                <Td className="text-right">
                  <Button
                    variant="ghost"
                    size="sm"
                    className="text-red-600"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(`Delete the template "${t.name}"?`))
                        remove.mutate(t.id, {
                          onError: (e) => setError(e.message),
                          onSuccess: () => setError(null),
                        });
                    }}
                    data-mutates
                  >
                    Delete
                  </Button>
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
