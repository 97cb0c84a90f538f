"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebounced } from "@/components/app/use-debounced";
import { apiFetch, type ApiError } from "@/lib/http/api-fetch";
import type { TTemplateAnalysis } from "@/lib/templates/analyse-template";
import type { TRenderMessageResult } from "@/lib/templates/render-message";
import type { TFormattingSamples } from "@/lib/templates/formatting-samples";
import { pathInLocale } from "./draft-variants";
import type { TFlagIssue, TFlags } from "./editor-context";
import type { TDraftContent } from "./use-template-draft";

export type TPreviewResponse = {
  ok: boolean;
  fields: Record<string, string>;
  analysis: TTemplateAnalysis | null;
  rendered: TRenderMessageResult | null;
  /** The sample contact's locale and time zone, and what each formatting filter prints for them. */
  formatting?: TFormattingSamples;
};

/** Who the preview renders for: a real contact, a hand-written context, or nobody (defaults apply). */
export type TSample =
  | { kind: "none" }
  | { kind: "contact"; id: string; label: string }
  | {
      kind: "custom";
      context: {
        contact: Record<string, unknown>;
        event?: { name: string; properties: Record<string, unknown> };
      };
    };

/** The server's render of the draft, 300 ms after the last change: exactly what a send would produce. */
export function useTemplatePreview(
  slug: string,
  content: TDraftContent,
  sample: TSample,
  /** The locale variant being edited (null: the default content): the one the preview shows. */
  variant: string | null = null,
) {
  const body = JSON.stringify({
    content,
    variant,
    ...(sample.kind === "contact"
      ? { sampleContactId: sample.id }
      : sample.kind === "custom"
        ? { context: sample.context }
        : {}),
  });
  const key = useDebounced(body, 300);
  const query = useQuery<TPreviewResponse, ApiError>({
    queryKey: ["template-preview", slug, key],
    queryFn: () =>
      apiFetch<TPreviewResponse>(`/api/w/${slug}/templates/preview`, {
        method: "POST",
        body: JSON.parse(key),
      }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  return { ...query, settling: key !== body };
}

const add = (
  flags: TFlags,
  path: string,
  level: "error" | "warning",
  message: string,
  issue?: TFlagIssue,
) => {
  (flags[path] ??= []).push({ level, message, ...(issue && { issue }) });
};
const unprefix = (k: string) => (k.startsWith("content.") ? k.slice("content.".length) : k);

/**
 * Everything to show next to fields: the draft's incomplete fields (as publish would refuse them),
 * Liquid syntax errors, unknown variables and variables printed without a default.
 */
export function flagsOf(
  preview: TPreviewResponse | undefined,
  publishFields: Record<string, string> = {},
  /** Only the flags of this slice of the draft (a locale variant, or null: the default). */
  locale: string | null = null,
): TFlags {
  const flags: TFlags = {};
  const at = (path: string) => pathInLocale(path, locale);
  for (const [k, v] of Object.entries({ ...(preview?.fields ?? {}), ...publishFields })) {
    const path = at(unprefix(k));
    if (k !== "content.channel" && path !== null) add(flags, path, "error", v);
  }
  for (const e of preview?.analysis?.errors ?? []) {
    const path = at(e.path);
    if (path !== null)
      add(flags, path, "error", `Liquid: ${e.message} (line ${e.line}, column ${e.column})`, {
        code: "liquidSyntax",
        values: { message: e.message, line: e.line, column: e.column },
      });
  }
  for (const v of preview?.analysis?.variables ?? []) {
    const paths = [...new Set(v.uses.map((u) => u.path))];
    for (const whole of paths) {
      const p = at(whole);
      if (p === null) continue;
      if (!v.known)
        add(
          flags,
          p,
          "warning",
          `Unknown variable ${v.name}: no contact has it yet; check the spelling.`,
          { code: "unknownVariable", values: { name: v.name } },
        );
      else if (
        /^(contact|event)\./.test(v.name) &&
        v.uses.some((u) => u.path === whole && u.inOutput && !u.hasDefault)
      )
        add(
          flags,
          p,
          "warning",
          `${v.name} has no default: contacts without it are skipped. Add | default: "…"`,
          { code: "noDefault", values: { name: v.name } },
        );
    }
  }
  // Publish errors and the preview's zod errors often say the same thing once each.
  for (const p of Object.keys(flags))
    flags[p] = flags[p]!.filter((f, i, all) => all.findIndex((g) => g.message === f.message) === i);
  return flags;
}

export function summariseFlags(flags: TFlags) {
  const all = Object.values(flags).flat();
  return {
    errors: all.filter((f) => f.level === "error").length,
    warnings: all.filter((f) => f.level === "warning").length,
  };
}

/** The slices (locale variants, null: the default) with an error somewhere, for their tabs. */
export function slicesWithErrors(
  preview: TPreviewResponse | undefined,
  publishFields: Record<string, string> = {},
): Set<string | null> {
  const paths = [
    ...Object.keys({ ...(preview?.fields ?? {}), ...publishFields }).map(unprefix),
    ...(preview?.analysis?.errors ?? []).map((e) => e.path),
  ];
  return new Set(paths.map((p) => /^variants\.([^.]+)\./.exec(p)?.[1] ?? null));
}
