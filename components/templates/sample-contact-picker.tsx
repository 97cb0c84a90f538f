"use client";
import { ChevronDown, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import type { TSample } from "./use-template-preview";
import { useSampleContacts } from "./use-sample-contacts";
import { ErrorAlert } from "@/components/ui/error-alert";

export const contactLabel = (c: TSampleContact) =>
  [c.firstName, c.lastName].filter(Boolean).join(" ") ||
  c.email ||
  c.externalId ||
  c.phone ||
  c.id.slice(0, 8);

const EXAMPLE = `{
  "contact": { "firstName": "Ada", "email": "ada@example.com", "plan": "pro" },
  "event": { "name": "Added to Cart", "properties": { "product": "Trail shoes", "price": 89 } }
}`;

/** What is wrong with a hand-written context: a `templates.sample.json` key and its values. */
type TContextError =
  | { code: "notObject" | "contactNotObject" | "eventName" }
  | { code: "notJson"; values: { message: string } };

export function parseContext(
  text: string,
):
  | { ok: true; context: Extract<TSample, { kind: "custom" }>["context"] }
  | { ok: false; error: TContextError } {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== "object" || Array.isArray(v))
      return { ok: false, error: { code: "notObject" } };
    const o = v as Record<string, unknown>;
    const contact = o.contact ?? {};
    if (typeof contact !== "object" || Array.isArray(contact))
      return { ok: false, error: { code: "contactNotObject" } };
    const event = o.event as { name?: unknown; properties?: unknown } | undefined;
    if (event !== undefined && (typeof event !== "object" || typeof event.name !== "string"))
      return { ok: false, error: { code: "eventName" } };
    return {
      ok: true,
      context: {
        contact: contact as Record<string, unknown>,
        ...(event
          ? {
              event: {
                name: event.name as string,
                properties: (event.properties ?? {}) as Record<string, unknown>,
              },
            }
          : {}),
      },
    };
  } catch (err) {
    return { ok: false, error: { code: "notJson", values: { message: (err as Error).message } } };
  }
}

/** Who the preview is rendered for: a contact of the workspace (searchable), nobody, or a hand-written context. */
export function SampleContactPicker({
  slug,
  value,
  onChange,
}: {
  slug: string;
  value: TSample;
  onChange: (s: TSample) => void;
}) {
  const t = useTranslations("templates.sample");
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [json, setJson] = useState(EXAMPLE);
  const [jsonError, setJsonError] = useState<TContextError | null>(null);
  const found = useSampleContacts(slug, q, open);
  const label =
    value.kind === "contact" ? value.label : value.kind === "custom" ? t("custom") : t("none");
  const item =
    "block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-brand-50 hover:text-brand-700";
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <span className="text-xs font-medium text-slate-500">{t("previewFor")}</span>
        <Popover.Root open={open} onOpenChange={setOpen}>
          <Popover.Trigger asChild>
            <Button variant="outline" size="sm" className="max-w-64">
              <UserRound /> <span className="sr-only">{t("sampleContact")}</span>{" "}
              <span className="truncate" data-testid="sample-label">
                {label}
              </span>{" "}
              <ChevronDown />
            </Button>
          </Popover.Trigger>
          <Popover.Portal>
            <Popover.Content
              align="end"
              sideOffset={6}
              className="z-50 w-80 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
            >
              <Input
                aria-label={t("search")}
                placeholder={t("searchPlaceholder")}
                value={q}
                autoFocus
                onChange={(e) => setQ(e.target.value)}
                className="mb-2 h-8"
              />
              <div className="max-h-72 overflow-y-auto" role="listbox" aria-label={t("list")}>
                {(found.data?.contacts ?? []).map((c) => (
                  <button
                    key={c.id}
                    type="button"
                    role="option"
                    aria-selected={value.kind === "contact" && value.id === c.id}
                    className={item}
                    onClick={() => {
                      onChange({ kind: "contact", id: c.id, label: contactLabel(c) });
                      setOpen(false);
                    }}
                  >
                    <span className="font-medium">{contactLabel(c)}</span>
                    <span className="block truncate text-xs text-slate-500">
                      {[c.email, c.externalId].filter(Boolean).join(" · ")}
                    </span>
                  </button>
                ))}
                {found.data && !found.data.contacts.length ? (
                  <p className="px-2 py-2 text-xs text-slate-500">{t("noMatch")}</p>
                ) : null}
                {found.isLoading ? (
                  <p className="px-2 py-2 text-xs text-slate-500">{t("searching")}</p>
                ) : null}
              </div>
              <div className="mt-1 border-t border-slate-100 pt-1">
                <button
                  type="button"
                  className={item}
                  onClick={() => {
                    onChange({ kind: "none" });
                    setOpen(false);
                  }}
                >
                  {t("none")}
                </button>
                <button
                  type="button"
                  className={item}
                  onClick={() => {
                    const r = parseContext(json);
                    if (r.ok) onChange({ kind: "custom", context: r.context });
                    setJsonError(r.ok ? null : r.error);
                    setOpen(false);
                  }}
                >
                  {t("customMenu")}
                </button>
              </div>
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      </div>
      {value.kind === "custom" ? (
        <div>
          <textarea
            aria-label={t("jsonLabel")}
            rows={6}
            value={json}
            spellCheck={false}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
            onChange={(e) => {
              setJson(e.target.value);
              const r = parseContext(e.target.value);
              setJsonError(r.ok ? null : r.error);
              if (r.ok) onChange({ kind: "custom", context: r.context });
            }}
          />
          {jsonError ? (
            <ErrorAlert variant="field" className="mt-1">
              {jsonError.code === "notJson"
                ? t("json.notJson", jsonError.values)
                : t(`json.${jsonError.code}`)}
            </ErrorAlert>
          ) : (
            <p className="mt-1 text-xs text-slate-500">{t("jsonHint")}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
