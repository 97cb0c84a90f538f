import { useTranslations } from "next-intl";
import { Inbox, Send } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** No message has gone out yet: says what fills this page and where to start one. */
export function MessagesEmptyState({ slug }: { slug: string }) {
  const t = useTranslations("messages.empty");
  const tn = useTranslations("nav");
  return (
    <section
      className="rounded-lg border border-dashed border-slate-300 bg-white px-8 py-12 text-center"
      data-testid="messages-empty"
    >
      <Send className="mx-auto size-10 text-brand-500" aria-hidden="true" />
      <h2 className="mt-4 text-lg font-semibold">{t("title")}</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{t("body")}</p>
      <div className="mt-6 flex justify-center gap-3">
        <Button asChild variant="outline">
          <Link href={`/w/${slug}/outbox`}>
            <Inbox /> {tn("outbox")}
          </Link>
        </Button>
        <Button asChild>
          <Link href={`/w/${slug}/journeys`}>{tn("journeys")}</Link>
        </Button>
      </div>
    </section>
  );
}
