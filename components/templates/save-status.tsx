import { Check, CloudOff, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { TSaveStatus } from "./use-template-draft";
import { ErrorAlert } from "@/components/ui/error-alert";

export function SaveStatus({ status, error }: { status: TSaveStatus; error?: string }) {
  const t = useTranslations("templates.save");
  const base = "inline-flex items-center gap-1 text-xs";
  if (status === "saving")
    return (
      <span className={`${base} text-slate-500`} role="status">
        <Loader2 className="size-3.5 animate-spin" aria-hidden /> {t("saving")}
      </span>
    );
  if (status === "pending")
    return (
      <span className={`${base} text-slate-500`} role="status">
        {t("pending")}
      </span>
    );
  if (status === "error")
    return (
      <ErrorAlert as="span" variant="field" className={base} title={error}>
        <CloudOff className="size-3.5" aria-hidden />{" "}
        {error ? t("notSavedBecause", { error }) : t("notSaved")}
      </ErrorAlert>
    );
  return (
    <span className={`${base} text-emerald-700`} role="status">
      <Check className="size-3.5" aria-hidden /> {t("saved")}
    </span>
  );
}
