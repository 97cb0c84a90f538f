import { ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";

export function BackToImports({ slug }: { slug: string }) {
  const t = useTranslations("imports");
  return (
    <Link
      href={`/w/${slug}/contacts/imports`}
      className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
    >
      <ArrowLeft className="size-4" aria-hidden="true" /> {t("back")}
    </Link>
  );
}
