"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { useDebounced } from "@/components/app/use-debounced";
import { contactLabel } from "@/components/templates/sample-contact-picker";
import { Input, Label } from "@/components/ui/input";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import { apiFetch } from "@/lib/http/api-fetch";
import { cn } from "@/lib/utils";
import { ErrorAlert } from "@/components/ui/error-alert";

type Props = {
  slug: string;
  /** The newest contacts, rendered with the page so the list is there before any search. */
  initial: TSampleContact[];
  value: TSampleContact | null;
  onChange: (c: TSampleContact) => void;
};

/**
 * Picks the contact to test on: a search box over the workspace's contacts (user id, email, first
 * or last name, by prefix), debounced and answered by the server, with the results as a listbox
 * the arrow keys walk and Enter picks (the WAI-ARIA combobox pattern).
 */
export function ContactSearch({ slug, initial, value, onChange }: Props) {
  const t = useTranslations("journeys.test");
  const detail = (c: TSampleContact) =>
    [c.email, c.externalId && t("externalId", { id: c.externalId }), c.phone]
      .filter(Boolean)
      .join(" · ");
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const debounced = useDebounced(q.trim(), 250);
  const ids = { input: useId(), list: useId() };
  const found = useQuery({
    queryKey: ["journey-test-contacts", slug, debounced],
    queryFn: () =>
      apiFetch<{ contacts: TSampleContact[] }>(
        `/api/w/${slug}/contacts/search?q=${encodeURIComponent(debounced)}`,
        { method: "GET" },
      ),
    initialData: debounced === "" ? { contacts: initial } : undefined,
    placeholderData: keepPreviousData,
  });
  const results = found.data?.contacts ?? [];
  const searching = q.trim() !== debounced || found.isFetching;
  const at = Math.min(active, Math.max(results.length - 1, 0));
  const optionId = (i: number) => `${ids.list}-${i}`;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!results.length) return;
      const next = (at + (e.key === "ArrowDown" ? 1 : -1) + results.length) % results.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
    } else if (e.key === "Enter") {
      e.preventDefault();
      const c = results[at];
      if (c) onChange(c);
    } else if (e.key === "Escape" && q) {
      e.preventDefault();
      setQ("");
    }
  };

  return (
    <div className="space-y-2" data-testid="contact-search">
      <div>
        <Label htmlFor={ids.input}>{t("contact")}</Label>
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400"
            aria-hidden
          />
          <Input
            id={ids.input}
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={ids.list}
            aria-autocomplete="list"
            aria-activedescendant={results.length ? optionId(at) : undefined}
            placeholder={t("searchPlaceholder")}
            className="pl-8"
            autoComplete="off"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
      </div>
      <ul
        id={ids.list}
        role="listbox"
        aria-label={t("contacts")}
        className="max-h-56 overflow-y-auto rounded-md border border-slate-200 bg-white p-1"
        aria-busy={searching}
      >
        {results.map((c, i) => {
          const selected = value?.id === c.id;
          return (
            <li
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={selected}
              data-active={i === at ? "true" : undefined}
              className={cn(
                "cursor-pointer rounded px-2 py-1.5 text-sm",
                i === at && "bg-brand-50",
                selected && "font-medium text-brand-700",
              )}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => onChange(c)}
            >
              <span className="block truncate">{contactLabel(c)}</span>
              {detail(c) && detail(c) !== contactLabel(c) ? (
                <span className="block truncate text-xs font-normal text-slate-500">
                  {detail(c)}
                </span>
              ) : null}
            </li>
          );
        })}
        {!results.length && !searching ? (
          <li className="px-2 py-1.5 text-xs text-slate-500">
            {debounced ? t("noMatch", { q: debounced }) : t("noContacts")}
          </li>
        ) : null}
      </ul>
      {found.isError ? (
        <ErrorAlert variant="field">{t("searchFailed", { error: found.error.message })}</ErrorAlert>
      ) : null}
      <p className="text-xs text-slate-500" aria-live="polite" data-testid="test-contact">
        {value ? (
          <>
            {t.rich("testingAs", {
              name: contactLabel(value),
              b: (chunks) => <b className="text-slate-700">{chunks}</b>,
            })}
            {value.email && value.email !== contactLabel(value) ? ` (${value.email})` : ""}
          </>
        ) : (
          t("pickContact")
        )}
      </p>
    </div>
  );
}
