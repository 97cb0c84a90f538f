"use client";
import { useTranslations } from "next-intl";
import { Pencil } from "lucide-react";
import { useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { ErrorAlert } from "@/components/ui/error-alert";

type Props = {
  name: string;
  editable: boolean;
  /** Resolves with an error message to show, or null once saved. */
  onRename: (name: string) => Promise<string | null>;
};

/**
 * The journey's name in the toolbar, renamed in place: click it (or focus it and press Enter),
 * type, Enter saves, Escape puts the old name back. A refused name keeps the field open with why.
 */
export function JourneyName({ name, editable, onRename }: Props) {
  const t = useTranslations("journeys.editor");
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const cancelled = useRef(false);
  const button = useRef<HTMLButtonElement>(null);

  // A floor on the width: the toolbar's other items never squeeze the name down to its first word.
  if (!editable)
    return (
      <h1
        className="min-w-32 truncate text-base font-semibold text-slate-900"
        data-testid="journey-name"
      >
        {name}
      </h1>
    );

  const close = () => {
    setEditing(false);
    setError(null);
    // Back on the name, so a keyboard user carries on where they were.
    window.setTimeout(() => button.current?.focus(), 0);
  };
  const save = async () => {
    const next = draft.trim();
    if (!next) return setError("A journey needs a name");
    if (next === name) return close();
    setSaving(true);
    const problem = await onRename(next);
    setSaving(false);
    if (problem) setError(problem);
    else close();
  };

  if (!editing) {
    return (
      <h1 className="min-w-16 max-w-64 shrink truncate text-base font-semibold text-slate-900 @7xl:max-w-96">
        <button
          ref={button}
          type="button"
          className="group flex max-w-full items-center gap-1.5 rounded px-1 py-0.5 -mx-1 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-200"
          title={t("renameHint")}
          aria-label={t("rename", { name })}
          data-testid="journey-name"
          data-mutates
          onClick={() => {
            setDraft(name);
            setError(null);
            cancelled.current = false;
            setEditing(true);
          }}
        >
          <span className="truncate">{name}</span>
          <Pencil
            className="size-3.5 shrink-0 text-slate-400 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
            aria-hidden
          />
        </button>
      </h1>
    );
  }

  return (
    <div className="relative min-w-0">
      <Input
        aria-label={t("journeyName")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "journey-name-error" : undefined}
        className="h-8 w-72 font-semibold"
        value={draft}
        maxLength={120}
        autoFocus
        disabled={saving}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void save();
          } else if (e.key === "Escape") {
            e.preventDefault();
            cancelled.current = true;
            close();
          }
        }}
        // Leaving the field keeps a changed name, like a spreadsheet cell; Escape is the way out.
        onBlur={() => {
          if (!cancelled.current && !saving && !error) void save();
        }}
      />
      <ErrorAlert
        id="journey-name-error"
        variant="field"
        className="absolute top-full left-0 z-20 mt-1 w-80 rounded-md border border-red-200 bg-red-50 px-2 py-1 text-red-700 shadow-sm"
      >
        {error}
      </ErrorAlert>
    </div>
  );
}
