"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { useApiErrorText, useConflictText } from "./use-api-error-text";

/** A mutation against one of the app's routes that re-renders the server components on success. */
export function useApiMutation<TVars, TResult = unknown>(
  request: (vars: TVars) => { url: string; method: string; body?: unknown },
) {
  const router = useRouter();
  const errorText = useApiErrorText();
  const conflictText = useConflictText();
  const mutation = useMutation<TResult, ApiError, TVars>({
    mutationFn: (vars) => {
      const { url, ...init } = request(vars);
      return apiFetch<TResult>(url, init);
    },
    onSuccess: () => router.refresh(),
  });
  const fields = mutation.error?.fields ?? {};
  return {
    ...mutation,
    // A field a 409 names ("name": taken) reads as the reason, worded in the viewer's language.
    fieldError: (name: string) =>
      fields[name] === undefined
        ? undefined
        : (conflictText(mutation.error?.reason) ?? fields[name]),
    formError:
      mutation.error && Object.keys(fields).length === 0 ? errorText(mutation.error) : undefined,
  };
}
