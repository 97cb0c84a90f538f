"use client";
import { Check, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { contactLabel } from "./sample-contact-picker";
import { useSampleContacts } from "./use-sample-contacts";

export type TInboxContact = { id: string; label: string; userId?: string };

/**
 * Whose in-app inbox a test lands in: a contact with a user id (anonymous visitors have no
 * inbox), searched by name, email or user id. It starts on the preview's sample contact.
 */
export function InboxContactField({
  slug,
  value,
  onChange,
}: {
  slug: string;
  value: TInboxContact | null;
  onChange: (c: TInboxContact) => void;
}) {
  const t = useTranslations("templates.testSend.inbox");
  const [q, setQ] = useState("");
  const found = useSampleContacts(slug, q, true);
  const withInbox = (found.data?.contacts ?? []).filter((c) => c.externalId).slice(0, 6);
  return (
    <div>
      <p className="mb-1 text-sm font-medium text-slate-700">{t("label")}</p>
      <p
        className="mb-3 flex min-w-0 items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm"
        data-testid="inbox-contact"
      >
        <UserRound className="size-4 shrink-0 text-slate-500" aria-hidden />
        {value ? (
          <>
            <span className="font-medium text-slate-900">{value.label}</span>
            {value.userId ? <span className="truncate text-slate-500">{value.userId}</span> : null}
          </>
        ) : (
          <span className="text-amber-800">{t("none")}</span>
        )}
      </p>
      <Input
        type="search"
        aria-label={t("search")}
        value={q}
        placeholder={t("searchPlaceholder")}
        aria-describedby="test-inbox-hint"
        onChange={(e) => setQ(e.target.value)}
      />
      <p id="test-inbox-hint" className="mt-1 text-xs text-slate-500">
        {t("hint")}
      </p>
      <div
        role="listbox"
        aria-label={t("list")}
        className="mt-2 max-h-52 overflow-y-auto rounded-md border border-slate-200 p-1"
      >
        {withInbox.map((c) => {
          const chosen = value?.id === c.id;
          return (
            <button
              key={c.id}
              type="button"
              role="option"
              aria-selected={chosen}
              onClick={() =>
                onChange({ id: c.id, label: contactLabel(c), userId: c.externalId ?? undefined })
              }
              className={cn(
                "flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-brand-50 hover:text-brand-700",
                chosen && "bg-brand-50 text-brand-700",
              )}
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{contactLabel(c)}</span>
                <span className="block truncate text-xs text-slate-500">
                  {[c.externalId, c.email].filter(Boolean).join(" · ")}
                </span>
              </span>
              {chosen ? <Check className="size-4 shrink-0" aria-hidden /> : null}
            </button>
          );
        })}
        {found.data && !withInbox.length ? (
          <p className="px-2 py-2 text-xs text-slate-500">{t("noMatch")}</p>
        ) : null}
        {found.isLoading ? (
          <p className="px-2 py-2 text-xs text-slate-500">{t("searching")}</p>
        ) : null}
      </div>
    </div>
  );
}
