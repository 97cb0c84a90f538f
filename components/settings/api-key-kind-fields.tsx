"use client";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import { API_KEY_SCOPES, type TApiKeyKind, type TApiKeyScope } from "@/lib/api-keys/key-scopes";
import { ErrorAlert } from "@/components/ui/error-alert";

/** Key kinds; each one's words are settings.apiKeys.kinds.<kind> and <kind>Hint. */
const KINDS: TApiKeyKind[] = ["public", "secret"];

/** What each scope allows: settings.apiKeys.scopeHints.<key> (catalogue keys take no colon). */
const SCOPE_HINTS = {
  ingest: "ingest",
  "contacts:read": "contactsRead",
  "contacts:delete": "contactsDelete",
  "messages:send": "messagesSend",
  "journeys:enter": "journeysEnter",
  inapp: "inapp",
  pinpoint: "pinpoint",
  "stream:read": "streamRead",
} as const satisfies Record<TApiKeyScope, string>;

/** The kind of a new key and, for a secret key, its scopes. */
export function ApiKeyKindFields({
  kind,
  onKind,
  scopes,
  onScopes,
  scopesError,
}: {
  kind: TApiKeyKind;
  onKind: (k: TApiKeyKind) => void;
  scopes: TApiKeyScope[];
  onScopes: (s: TApiKeyScope[]) => void;
  scopesError?: string;
}) {
  const t = useTranslations("settings.apiKeys");
  return (
    <>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("kind")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {KINDS.map((k) => (
            <label
              key={k}
              className={cn(
                "flex cursor-pointer flex-col gap-1 rounded-md border p-3 text-sm transition-colors",
                kind === k
                  ? "border-brand-500 bg-brand-50 ring-2 ring-brand-100"
                  : "border-slate-200 hover:bg-slate-50",
              )}
            >
              <input
                type="radio"
                name="key-kind"
                value={k}
                checked={kind === k}
                onChange={() => onKind(k)}
                className="sr-only"
              />
              <span className="font-medium">{t(`kinds.${k}`)}</span>
              <span className="text-xs text-slate-600">{t(`kinds.${k}Hint`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "secret" ? (
        <fieldset aria-describedby={scopesError ? "key-scopes-error" : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("scopes")}</legend>
          <div className="space-y-1">
            {API_KEY_SCOPES.map((s) => (
              <label key={s} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="scopes"
                  value={s}
                  checked={scopes.includes(s)}
                  onChange={(e) =>
                    onScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))
                  }
                  className="mt-0.5"
                />
                <span>
                  <span className="font-mono text-xs">{s}</span>
                  <span className="block text-xs text-slate-600">
                    {t(`scopeHints.${SCOPE_HINTS[s]}`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
          <ErrorAlert id="key-scopes-error" className="mt-1">
            {scopesError}
          </ErrorAlert>
        </fieldset>
      ) : null}
    </>
  );
}
