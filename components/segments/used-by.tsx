import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { TSegmentUsage } from "@/lib/segments/segment-usages";

/** Where a segment is used; anything listed as live blocks its deletion. */
export function UsedBy({ usages }: { usages: TSegmentUsage[] }) {
  return (
    <Card data-testid="used-by">
      <CardHeader
        title="Used by"
        description="Segments, journeys and campaigns that target this segment. It cannot be deleted while something live uses it."
      />
      {usages.length ? (
        <ul className="divide-y divide-slate-100">
          {usages.map((u) => (
            <li key={`${u.kind}-${u.id}`} className="flex items-center gap-3 px-5 py-3 text-sm">
              <Badge>{u.kind}</Badge>
              <Link href={u.href} className="font-medium text-brand-700 hover:underline">
                {u.name}
              </Link>
              {u.detail ? <span className="text-slate-500">{u.detail}</span> : null}
              {u.blocking ? (
                <Badge tone="amber" className="ml-auto">
                  blocks deletion
                </Badge>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-500">Nothing uses this segment yet.</p>
      )}
    </Card>
  );
}
