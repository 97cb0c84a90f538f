"use client";
import { Eye, RotateCcw, X } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = {
  version: number;
  live: boolean;
  publishedAt: string;
  publishedBy: string | null;
  canRestore: boolean;
  busy: boolean;
  onRestore: () => void;
  onClose: () => void;
};

/** Says which published version the canvas shows, read-only, with the way back and the way to restore it. */
export function VersionBanner({
  version,
  live,
  publishedAt,
  publishedBy,
  canRestore,
  busy,
  onRestore,
  onClose,
}: Props) {
  return (
    <div
      className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
      role="status"
      data-testid="version-banner"
    >
      <Eye className="size-4 shrink-0" aria-hidden />
      <span className="min-w-0 flex-1">
        Viewing version {version}
        {live ? " (live)" : ""}, read-only
        <span className="text-amber-700">
          {" "}
          · published {new Date(publishedAt).toLocaleString()}
          {publishedBy ? ` by ${publishedBy}` : ""}
        </span>
      </span>
      {canRestore ? (
        <Button
          size="sm"
          variant="outline"
          className="h-7 bg-white"
          disabled={busy}
          data-mutates
          onClick={onRestore}
        >
          <RotateCcw /> Restore as draft
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" className="h-7" onClick={onClose}>
        <X /> Back to the draft
      </Button>
    </div>
  );
}
