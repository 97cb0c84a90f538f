"use client";
import { Braces } from "lucide-react";
import { Popover } from "radix-ui";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { TFormattingSamples } from "@/lib/templates/formatting-samples";
import { ALWAYS_KNOWN_VARIABLES } from "@/lib/templates/known-variables";
import { useEditor } from "./editor-context";
import { ErrorAlert } from "@/components/ui/error-alert";

/** What the picker offers: concrete paths only (no `*` patterns), the workspace's attributes first. */
export function pickableVariables(attributes: string[]): { group: string; name: string }[] {
  const builtIn = ALWAYS_KNOWN_VARIABLES.filter(
    (v) => !v.includes("*") && v !== "contact.attributes" && !v.startsWith("contact.attributes."),
  );
  const own = attributes
    .filter((a) => /^[A-Za-z_][\w]*$/.test(a) && !builtIn.includes(`contact.${a}` as never))
    .map((a) => `contact.${a}`);
  return [
    ...own.map((name) => ({ group: ATTRIBUTES_GROUP, name })),
    ...builtIn.map((name) => ({ group: name.split(".")[0]!, name })),
  ];
}

/** The group of the workspace's own attributes; its heading comes from the catalogue. */
export const ATTRIBUTES_GROUP = "attributes";

export const variableSnippet = (name: string) => `{{ ${name} | default: "" }}`;

/**
 * Inserts `{{ variable | default: "" }}` at the caret of the field last focused; under
 * "Formatting", the locale-aware filters with what each prints for the sample contact.
 */
export function VariablePicker({ formatting }: { formatting?: TFormattingSamples }) {
  const t = useTranslations("templates.picker");
  const { readOnly, attributes, insertAtCursor } = useEditor();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [missed, setMissed] = useState(false);
  const items = useMemo(
    () =>
      pickableVariables(attributes).filter((v) => v.name.toLowerCase().includes(q.toLowerCase())),
    [attributes, q],
  );
  if (readOnly) return null;
  const groups = [...new Set(items.map((i) => i.group))];
  return (
    <Popover.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setMissed(false);
      }}
    >
      <Popover.Trigger asChild>
        <Button variant="outline" size="sm" onMouseDown={(e) => e.preventDefault()}>
          <Braces /> {t("button")}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          className="z-50 w-80 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
          onCloseAutoFocus={(e) => e.preventDefault()}
        >
          <Input
            aria-label={t("search")}
            placeholder={t("searchPlaceholder")}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="mb-2 h-8"
          />
          {missed ? (
            <ErrorAlert variant="warning" className="mb-2">
              {t("focusFirst")}
            </ErrorAlert>
          ) : null}
          <div className="max-h-72 overflow-y-auto" role="listbox" aria-label={t("list")}>
            {groups.map((g) => (
              <div key={g} className="mb-1">
                <p className="px-2 py-1 text-[11px] font-semibold uppercase tracking-wide text-slate-400">
                  {g === ATTRIBUTES_GROUP ? t("attributes") : g}
                </p>
                {items
                  .filter((i) => i.group === g)
                  .map((i) => (
                    <button
                      key={i.name}
                      type="button"
                      role="option"
                      aria-selected={false}
                      className="block w-full rounded px-2 py-1 text-left font-mono text-xs text-slate-700 hover:bg-brand-50 hover:text-brand-700"
                      onClick={() => {
                        if (insertAtCursor(variableSnippet(i.name))) setOpen(false);
                        else setMissed(true);
                      }}
                    >
                      {i.name}
                    </button>
                  ))}
              </div>
            ))}
            {!items.length ? (
              <p className="px-2 py-3 text-center text-xs text-slate-600">{t("noMatch")}</p>
            ) : null}
          </div>
          {formatting ? (
            <div className="mt-2 border-t border-slate-100 pt-2" data-testid="formatting-samples">
              <p className="px-2 py-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
                {t("formatting")}
              </p>
              <p className="px-2 pb-1 text-xs text-slate-600">
                {t("formattingFor", { locale: formatting.locale, timeZone: formatting.timeZone })}
              </p>
              {formatting.samples.map((f) => (
                <button
                  key={f.snippet}
                  type="button"
                  className="block w-full rounded px-2 py-1 text-left hover:bg-brand-50"
                  onClick={() => {
                    if (insertAtCursor(f.snippet)) setOpen(false);
                    else setMissed(true);
                  }}
                >
                  <span className="block font-mono text-xs text-slate-700">{f.snippet}</span>
                  <span className="block text-xs text-slate-600">→ {f.value}</span>
                </button>
              ))}
            </div>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
