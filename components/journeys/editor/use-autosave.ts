"use client";
import { useCallback, useEffect, useRef, useState } from "react";

export type TSaveState = "saved" | "pending" | "saving" | "error";

/**
 * Saves the draft a moment after the last edit (debounced PATCH). `flush` saves now and resolves
 * when the server has it, so publishing never validates a stale draft.
 */
export function useAutosave(
  key: string,
  build: () => unknown,
  save: (body: unknown) => Promise<{ ok: boolean; message?: string }>,
  delay = 800,
) {
  const [state, setState] = useState<TSaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const saved = useRef(key);
  const latestKey = useRef(key);
  const buildRef = useRef(build);
  const saveRef = useRef(save);
  useEffect(() => {
    latestKey.current = key;
    buildRef.current = build;
    saveRef.current = save;
  });
  const inflight = useRef<Promise<boolean> | null>(null);

  const flush = useCallback(async (): Promise<boolean> => {
    if (inflight.current) await inflight.current;
    const k = latestKey.current;
    if (k === saved.current) return true;
    setState("saving");
    inflight.current = saveRef.current(buildRef.current()).then((r) => {
      inflight.current = null;
      if (!r.ok) {
        setError(r.message ?? "Could not save");
        setState("error");
        return false;
      }
      saved.current = k;
      setError(null);
      setState(latestKey.current === k ? "saved" : "pending");
      return true;
    });
    return inflight.current;
  }, []);

  useEffect(() => {
    if (key === saved.current) return;
    setState((s) => (s === "saving" ? s : "pending"));
    const t = setTimeout(() => void flush(), delay);
    return () => clearTimeout(t);
  }, [key, delay, flush]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latestKey.current !== saved.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return { state, error, flush };
}
