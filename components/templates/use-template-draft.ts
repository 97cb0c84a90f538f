"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useDebounced } from "@/components/app/use-debounced";
import { apiFetch, ApiError } from "@/lib/http/api-fetch";

export type TDraftContent = { channel: string } & Record<string, unknown>;
export type TSaveStatus = "saved" | "pending" | "saving" | "error";

/**
 * The draft being edited, autosaved (PATCH) 800 ms after the last change. Saves run one at a
 * time, so an older body never lands after a newer one; `flush` saves now (before publishing).
 */
export function useTemplateDraft(opts: {
  url: string;
  name: string;
  content: TDraftContent;
  readOnly: boolean;
}) {
  const [content, setContent] = useState<TDraftContent>(opts.content);
  const [name, setName] = useState(opts.name);
  const [status, setStatus] = useState<TSaveStatus>("saved");
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify({ name, content });
  const latest = useRef(key);
  useLayoutEffect(() => {
    latest.current = key;
  }, [key]);
  const saved = useRef(key);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const debounced = useDebounced(key, 800);

  const save = useCallback(
    (body: string) => {
      chain.current = chain.current.then(async () => {
        if (body === saved.current) return;
        setStatus("saving");
        const { name: n, content: c } = JSON.parse(body) as {
          name: string;
          content: TDraftContent;
        };
        try {
          await apiFetch(opts.url, {
            method: "PATCH",
            body: { ...(n.trim() ? { name: n } : {}), content: c },
          });
          saved.current = body;
          setError(null);
          setStatus(latest.current === body ? "saved" : "pending");
        } catch (err) {
          setError(err instanceof ApiError ? err : new ApiError(0, "network", String(err)));
          setStatus("error");
        }
      });
      return chain.current;
    },
    [opts.url],
  );

  useEffect(() => {
    if (opts.readOnly) return;
    if (key !== saved.current) setStatus((s) => (s === "saving" ? s : "pending"));
  }, [key, opts.readOnly]);

  useEffect(() => {
    if (!opts.readOnly && debounced !== saved.current) void save(debounced);
  }, [debounced, opts.readOnly, save]);

  const update = useCallback(
    (fn: (c: TDraftContent) => TDraftContent) => setContent((c) => fn(c)),
    [],
  );
  const flush = useCallback(() => save(latest.current), [save]);
  const isSaved = useCallback(() => saved.current === latest.current, []);
  return {
    content,
    update,
    name,
    setName,
    status,
    error,
    flush,
    isSaved,
    nameError: name.trim() ? error?.fields.name : "Required",
  };
}
