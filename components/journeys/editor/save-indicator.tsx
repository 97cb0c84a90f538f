import { useTranslations } from "next-intl";
import { Check, CloudOff, Loader2 } from "lucide-react";
import type { TSaveState } from "./use-autosave";
import { ErrorAlert } from "@/components/ui/error-alert";

export function SaveIndicator({ state, error }: { state: TSaveState; error: string | null }) {
  const t = useTranslations("journeys.editor");
  if (state === "error")
    return (
      <ErrorAlert
        as="span"
        variant="field"
        className="flex items-center gap-1"
        data-testid="save-state"
        title={error ?? undefined}
      >
        <CloudOff className="size-3.5" /> {error ? t("notSavedBecause", { error }) : t("notSaved")}
      </ErrorAlert>
    );
  if (state === "saved")
    return (
      <span
        className="flex items-center gap-1 text-xs text-slate-500"
        data-testid="save-state"
        title={t("saved")}
      >
        {/* Folds to its tick in a narrow toolbar (the toolbar is a size container). */}
        <Check className="size-3.5" />{" "}
        <span className="sr-only @6xl:not-sr-only">{t("saved")}</span>
      </span>
    );
  return (
    <span className="flex items-center gap-1 text-xs text-slate-500" data-testid="save-state">
      <Loader2 className="size-3.5 animate-spin" /> {t("saving")}
    </span>
  );
}
