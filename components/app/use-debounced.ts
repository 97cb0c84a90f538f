"use client";
import { useEffect, useState } from "react";

/** Waits until `value` has been still for `ms`, so typing does not send a query per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
