import { useTranslations } from "next-intl";
import { FileUp, KeyRound, Users } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** A workspace with no contacts yet: how contacts get in, with a request to copy. */
export function ContactsEmptyState({
  slug,
  canImport,
  origin,
}: {
  slug: string;
  canImport: boolean;
  origin: string;
}) {
  const example = `curl ${origin}/api/v1/identify \\
  -H "Authorization: Bearer <your API key>" \\
  -H "Content-Type: application/json" \\
  -d '{"userId": "user-123", "email": "ada@example.com", "traits": {"plan": "pro"}}'`;
  const t = useTranslations("contacts.empty");
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white px-8 py-12 text-center">
      <Users className="mx-auto size-10 text-brand-500" aria-hidden="true" />
      <h2 className="mt-4 text-lg font-semibold">{t("title")}</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{t.rich("body", { code })}</p>
      <pre className="mx-auto mt-5 max-w-2xl overflow-x-auto rounded-md bg-slate-900 px-4 py-3 text-left text-xs text-slate-100">
        {example}
      </pre>
      <div className="mt-6 flex justify-center gap-3">
        <Button asChild variant="outline">
          <Link href={`/w/${slug}/settings/api-keys`}>
            <KeyRound /> {t("apiKeys")}
          </Link>
        </Button>
        {canImport ? (
          <Button asChild>
            <Link href={`/w/${slug}/contacts/imports/new`}>
              <FileUp /> {t("importCsv")}
            </Link>
          </Button>
        ) : null}
      </div>
    </section>
  );
}
