import { useTranslations } from "next-intl";

export function TemplateLabel({ name, version }: { name: string | null; version: number | null }) {
  const t = useTranslations("messages.facts");
  if (!name)
    return (
      <span className="text-slate-400">{version ? t("deletedTemplate", { version }) : "—"}</span>
    );
  return (
    <span>
      {name}
      {version ? <span className="ml-1 text-xs text-slate-400">v{version}</span> : null}
    </span>
  );
}
