"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False while the server's HTML is showing and during hydration, true once React owns the page.
 * A control whose handler is not attached yet does nothing (or, for a form, submits natively:
 * a GET that would put a password in the URL), so submit buttons wait for this.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
