"use client";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { TPreviewContact } from "@/lib/segments/preview-segment";

const show = (v: unknown) =>
  v === undefined || v === null ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** The matching count and the first contacts, with the attributes the segment filters on. */
export function PreviewPanel({
  count,
  sample,
  attributeKeys,
  state,
}: {
  count: number | null;
  sample: TPreviewContact[];
  attributeKeys: string[];
  state: "loading" | "updating" | "error" | "ready";
}) {
  return (
    <Card>
      <CardHeader
        title="Matching contacts"
        description="Updates as you edit. The first 20 are shown."
      />
      <div className="flex items-baseline gap-2 px-5 py-4">
        <span
          className="text-3xl font-semibold tabular-nums"
          data-testid="segment-count"
          aria-live="polite"
        >
          {count === null ? "—" : count.toLocaleString("en")}
        </span>
        <span className="text-sm text-slate-500">
          {state === "error"
            ? "fix the highlighted conditions to see a count"
            : state === "loading"
              ? "counting…"
              : state === "updating"
                ? "updating…"
                : count === 1
                  ? "contact"
                  : "contacts"}
        </span>
      </div>
      {sample.length ? (
        <Table>
          <thead>
            <tr>
              <Th>User id</Th>
              <Th>Email</Th>
              <Th>Country</Th>
              {attributeKeys.map((k) => (
                <Th key={k}>{k}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((c) => (
              <tr key={c.id}>
                <Td className="whitespace-nowrap font-mono text-xs">
                  {c.userId ?? <span className="text-slate-400">anonymous</span>}
                </Td>
                <Td className="text-slate-600">{c.email ?? "—"}</Td>
                <Td className="text-slate-600">{c.country ?? "—"}</Td>
                {attributeKeys.map((k) => (
                  <Td key={k} className="text-slate-600">
                    {show(c.attributes[k])}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : count === 0 ? (
        <p className="px-5 pb-5 text-sm text-slate-500">No contact matches yet.</p>
      ) : null}
    </Card>
  );
}
