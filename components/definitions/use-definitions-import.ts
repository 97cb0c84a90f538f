"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TImportResult } from "@/lib/definitions/import-definitions";

type TState =
  | { step: "choose" }
  | { step: "preview"; file: unknown; name: string; result: TImportResult }
  | { step: "done"; result: TImportResult };

/**
 * A definitions import in steps: a chosen file is read and sent as a dry run (the preview), then
 * applied. A refused file's problems are kept by path in the file.
 */
export function useDefinitionsImport(slug: string) {
  const t = useTranslations("definitions");
  const router = useRouter();
  const [state, setState] = useState<TState>({ step: "choose" });
  const [problems, setProblems] = useState<[string, string][]>([]);
  const [busy, setBusy] = useState(false);

  async function send(file: unknown, dryRun: boolean): Promise<TImportResult | null> {
    setBusy(true);
    setProblems([]);
    try {
      const res = await fetch(`/api/w/${slug}/definitions/import`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ dryRun, file }),
      });
      const body = await res.json().catch(() => null);
      if (res.ok) return body as TImportResult;
      const fields = (body?.error?.fields ?? {}) as Record<string, string>;
      setProblems(
        Object.keys(fields).length
          ? Object.entries(fields)
          : [["", body?.error?.message ?? res.statusText]],
      );
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function choose(f: File) {
    let file: unknown;
    try {
      file = JSON.parse(await f.text());
    } catch {
      setProblems([["", t("notJson")]]);
      return;
    }
    const result = await send(file, true);
    if (result) setState({ step: "preview", file, name: f.name, result });
  }

  async function apply() {
    if (state.step !== "preview") return;
    const result = await send(state.file, false);
    if (result) {
      setState({ step: "done", result });
      router.refresh();
    }
  }

  return { state, setState, problems, busy, choose, apply };
}
