"use client";
import { RotateCcw, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { apiFetch } from "@/lib/http/api-fetch";

/** Cancel (an active run) and retry (a failed one), for admins; a refusal is shown in the viewer's language. */
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
  const t = useTranslations("journeys.runs");
  const errorText = useApiErrorText();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: "cancel" | "retry") => {
    if (action === "cancel" && !window.confirm(t("confirmCancel"))) return;
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/w/${slug}/runs/${entryId}/${action}`, { method: "POST", body: {} });
    } catch (err) {
      setError(errorText(err));
    } finally {
      router.refresh();
      setBusy(false);
    }
  };
  if (!canCancel && !canRetry) return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        {canRetry ? (
          <Button data-mutates disabled={busy} onClick={() => act("retry")}>
            <RotateCcw /> {t("retry")}
          </Button>
        ) : null}
        {canCancel ? (
          <Button data-mutates variant="outline" disabled={busy} onClick={() => act("cancel")}>
            <XCircle /> {t("cancel")}
          </Button>
        ) : null}
      </div>
      <ErrorAlert className="text-red-700">{error}</ErrorAlert>
    </div>
  );
}
