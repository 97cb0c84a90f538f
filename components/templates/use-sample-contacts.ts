"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebounced } from "@/components/app/use-debounced";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import { apiFetch } from "@/lib/http/api-fetch";

/** The workspace's contacts whose name, email or user id starts with `q` (newest first when empty), as typed. */
export function useSampleContacts(slug: string, q: string, enabled: boolean) {
  const debouncedQ = useDebounced(q, 250);
  return useQuery({
    queryKey: ["sample-contacts", slug, debouncedQ],
    queryFn: () =>
      apiFetch<{ contacts: TSampleContact[] }>(
        `/api/w/${slug}/templates/sample-contacts?q=${encodeURIComponent(debouncedQ)}`,
        { method: "GET" },
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}
