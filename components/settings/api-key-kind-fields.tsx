"use client";
import { cn } from "@/lib/utils";
import {
  API_KEY_SCOPES,
  SCOPE_DESCRIPTIONS,
  type TApiKeyKind,
  type TApiKeyScope,
} from "@/lib/api-keys/key-scopes";
import { ErrorAlert } from "@/components/ui/error-alert";

const KINDS: { kind: TApiKeyKind; label: string; hint: string }[] = [
  {
    kind: "public",
    label: "Public write key",
    hint: "Safe in a browser or mobile app: identify, track, page, screen and batch only.",
  },
  {
    kind: "secret",
    label: "Secret server key",
    hint: "For your servers only; can do what its scopes allow.",
  },
];

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
  return (
    <>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Kind</legend>
        <div className="grid grid-cols-2 gap-2">
          {KINDS.map((k) => (
            <label
              key={k.kind}
              className={cn(
                "flex cursor-pointer flex-col gap-1 rounded-md border p-3 text-sm transition-colors",
                kind === k.kind
                  ? "border-brand-500 bg-brand-50 ring-2 ring-brand-100"
                  : "border-slate-200 hover:bg-slate-50",
              )}
            >
              <input
                type="radio"
                name="key-kind"
                value={k.kind}
                checked={kind === k.kind}
                onChange={() => onKind(k.kind)}
                className="sr-only"
              />
              <span className="font-medium">{k.label}</span>
              <span className="text-xs text-slate-600">{k.hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "secret" ? (
        <fieldset aria-describedby={scopesError ? "key-scopes-error" : undefined}>
          <legend className="mb-1 text-sm font-medium text-slate-700">Scopes</legend>
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
                  <span className="block text-xs text-slate-600">{SCOPE_DESCRIPTIONS[s]}</span>
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
