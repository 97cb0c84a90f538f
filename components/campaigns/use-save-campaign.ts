"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";

/**
 * Saves the new campaign as a draft, or saves and launches it (the mutation's argument). "Save and
 * send now" is one request: the server saves and launches in one transaction, so a refused launch
 * leaves no draft behind and a retry does not find the name taken. A run sent now is watched on
 * its page; anything scheduled shows on the campaign's.
 */
export function useSaveCampaign(slug: string, body: () => object, sendsNow: () => boolean) {
  const router = useRouter();
  return useMutation<{ campaignId: string; runId: string | null }, ApiError, boolean>({
    mutationFn: async (launch) => {
      const { campaign, run } = await apiFetch<{
        campaign: { id: string };
        run: { id: string } | null;
      }>(`/api/w/${slug}/campaigns${launch ? "?launch=1" : ""}`, { method: "POST", body: body() });
      return { campaignId: campaign.id, runId: run?.id ?? null };
    },
    onSuccess: ({ campaignId, runId }) =>
      router.push(
        runId && sendsNow()
          ? `/w/${slug}/campaigns/runs/${runId}`
          : `/w/${slug}/campaigns/${campaignId}`,
      ),
  });
}
