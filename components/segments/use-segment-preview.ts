"use client";
import { useDebounced } from "@/components/app/use-debounced";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, type ApiError } from "@/lib/http/api-fetch";
import type { TSegmentDefinition } from "@/lib/segments/definition";
import type { TSegmentPreview } from "@/lib/segments/preview-segment";

/** The live count and sample of the definition being edited, 400 ms after the last change. */
export function useSegmentPreview(slug: string, definition: TSegmentDefinition) {
  const key = useDebounced(JSON.stringify(definition), 400);
  const query = useQuery<TSegmentPreview, ApiError>({
    queryKey: ["segment-preview", slug, key],
    queryFn: () =>
      apiFetch<TSegmentPreview>(`/api/w/${slug}/segments/preview`, {
        method: "POST",
        body: { definition: JSON.parse(key) },
      }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  });
  return { ...query, settling: key !== JSON.stringify(definition) };
}
