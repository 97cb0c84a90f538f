"use client";
import { RotateCcw, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";

/** Cancel (an active run) and retry (a failed one), for admins; errors from the route are shown as they come. */
export function RunActions({
  slug,
  entryId,
  canCancel,
  canRetry,
}: {
  slug: string;
  entryId: string;
  canCancel: boolean;
  canRetry: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: "cancel" | "retry") => {
    if (
      action === "cancel" &&
      !window.confirm(
        "Cancel this run? The contact leaves the journey and gets nothing more from it.",
      )
    )
      return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/w/${slug}/runs/${entryId}/${action}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      if (!res.ok)
        setError(
          ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error
            ?.message ?? `Failed (${res.status})`,
        );
      router.refresh();
    } finally {
      setBusy(false);
    }
  };
  if (!canCancel && !canRetry) return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        {canRetry ? (
          <Button data-mutates disabled={busy} onClick={() => act("retry")}>
            <RotateCcw /> Retry run
          </Button>
        ) : null}
        {canCancel ? (
          <Button data-mutates variant="outline" disabled={busy} onClick={() => act("cancel")}>
            <XCircle /> Cancel run
          </Button>
        ) : null}
      </div>
      <ErrorAlert className="text-red-700">{error}</ErrorAlert>
    </div>
  );
}
