"use client";
import { Languages, Plus, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { canonicalLocale } from "@/lib/templates/locale-format";
import { cn } from "@/lib/utils";

/** Locales a Waymark workspace is most likely to write for; any BCP 47 tag can be typed. */
const SUGGESTED = ["vi", "zh-CN", "en", "zh-TW", "ja", "ko", "th", "id", "fr", "es", "de", "pt-BR"];

type Props = {
  locales: string[];
  active: string | null;
  onSelect: (locale: string | null) => void;
  onAdd: (locale: string) => void;
  onRemove: (locale: string) => void;
  /** Variants (and null: the default) with errors, marked on their tab. */
  withErrors: Set<string | null>;
  readOnly: boolean;
};

/**
 * Tabs for a template's locale variants: the default content first, then each variant; the
 * contact's locale picks one at send time (exact tag, then language, then the default).
 */
export function LocaleVariantBar(p: Props) {
  const t = useTranslations("templates.variants");
  const uiLocale = useLocale();
  const [adding, setAdding] = useState(false);
  const [tag, setTag] = useState("");
  const names = new Intl.DisplayNames([uiLocale], { type: "language" });
  const nameOf = (l: string) => {
    try {
      return names.of(l) ?? l;
    } catch {
      return l;
    }
  };
  const canonical = canonicalLocale(tag);
  const taken = canonical !== null && p.locales.includes(canonical);
  const add = () => {
    if (!canonical || taken) return;
    p.onAdd(canonical);
    setTag("");
    setAdding(false);
  };
  const tab = (locale: string | null, label: string) => (
    <button
      key={locale ?? "default"}
      type="button"
      role="tab"
      aria-selected={p.active === locale}
      data-testid={`locale-tab-${locale ?? "default"}`}
      onClick={() => p.onSelect(locale)}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm",
        p.active === locale ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      {label}
      {p.withErrors.has(locale) ? (
        <span className="size-2 rounded-full bg-red-500" aria-label={t("hasErrors")} />
      ) : null}
    </button>
  );

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-2">
      <div className="flex flex-wrap items-center gap-1">
        <Languages className="mx-1 size-4 text-slate-500" aria-hidden />
        <div role="tablist" aria-label={t("tabs")} className="flex flex-wrap gap-1">
          {tab(null, t("default"))}
          {p.locales.map((l) => tab(l, `${nameOf(l)} (${l})`))}
        </div>
        {p.readOnly ? null : (
          <div className="ml-auto flex items-center gap-1">
            {p.active !== null ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  if (window.confirm(t("confirmRemove", { name: nameOf(p.active!) })))
                    p.onRemove(p.active!);
                }}
              >
                <X /> {t("remove")}
              </Button>
            ) : null}
            <Button variant="outline" size="sm" onClick={() => setAdding((a) => !a)}>
              <Plus /> {t("add")}
            </Button>
          </div>
        )}
      </div>
      {adding ? (
        <form
          className="mt-2 flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <Input
            aria-label={t("tagLabel")}
            placeholder={t("tagPlaceholder")}
            value={tag}
            list="locale-suggestions"
            onChange={(e) => setTag(e.target.value)}
            className="h-8 w-40"
          />
          <datalist id="locale-suggestions">
            {SUGGESTED.filter((s) => !p.locales.includes(s)).map((s) => (
              <option key={s} value={s}>
                {nameOf(s)}
              </option>
            ))}
          </datalist>
          <Button type="submit" size="sm" disabled={!canonical || taken}>
            {t("addSubmit")}
          </Button>
          <span className="text-xs text-slate-600">
            {tag && !canonical
              ? t("invalidTag")
              : taken
                ? t("taken")
                : canonical
                  ? t("copyHint", { name: nameOf(canonical) })
                  : t("hint")}
          </span>
        </form>
      ) : null}
      <p className="mt-1 px-1 text-xs text-slate-600">
        {p.active === null
          ? p.locales.length
            ? t("editingDefaultWith")
            : t("editingDefault")
          : t("editingVariant", { name: nameOf(p.active), tag: p.active })}
      </p>
    </div>
  );
}
