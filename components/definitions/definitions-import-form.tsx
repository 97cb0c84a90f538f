"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { TImportEntry } from "@/lib/definitions/import-definitions";
import { ImportEntriesTable } from "./import-entries-table";
import { useDefinitionsImport } from "./use-definitions-import";

/** Upload a definitions file, read the preview of what it creates, updates and skips, then apply. */
export function DefinitionsImportForm({ slug }: { slug: string }) {
  const t = useTranslations("definitions");
  const { state, setState, problems, busy, choose, apply } = useDefinitionsImport(slug);
  const result = state.step === "choose" ? null : state.result;
  const count = (a: TImportEntry["action"]) =>
    result?.entries.filter((e) => e.action === a).length ?? 0;
  return (
    <div className="space-y-4" data-testid="definitions-import">
      <p className="text-sm text-slate-700">
        {t.rich("sample", {
          link: (chunks) => (
            <a
              href="/samples/welcome-journey.waymark.json"
              download
              className="font-medium text-brand-700 underline"
            >
              {chunks}
            </a>
          ),
        })}
      </p>
      <label className="block text-sm text-slate-700">
        <span className="mb-1 block font-medium">{t("chooseFile")}</span>
        <input
          type="file"
          accept="application/json,.json"
          data-testid="definitions-file"
          className="block text-sm"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void choose(f);
          }}
        />
      </label>
      {problems.length ? (
        <ErrorAlert as="ul" variant="box" data-testid="definitions-problems">
          {problems.map(([path, message]) => (
            <li key={path || message}>
              {path ? <code className="mr-1 font-mono text-xs">{path}</code> : null}
              {message}
            </li>
          ))}
        </ErrorAlert>
      ) : null}
      {result ? (
        <section aria-live="polite" data-testid="definitions-preview">
          <p className="text-sm font-medium text-slate-900">
            {state.step === "done"
              ? t("done", { create: count("create"), update: count("update"), skip: count("skip") })
              : t("preview", {
                  create: count("create"),
                  update: count("update"),
                  skip: count("skip"),
                })}
          </p>
          {result.schemaVersion !== 1 ? (
            <p className="text-xs text-slate-600">
              {t("upgraded", { version: result.schemaVersion })}
            </p>
          ) : null}
          <ImportEntriesTable entries={result.entries} />
          {state.step === "preview" ? (
            <div className="mt-3 flex gap-2">
              <Button
                onClick={() => void apply()}
                disabled={busy}
                data-mutates
                data-testid="definitions-apply"
              >
                {t("apply")}
              </Button>
              <Button
                variant="outline"
                onClick={() => setState({ step: "choose" })}
                disabled={busy}
              >
                {t("cancel")}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
